#include <sys/types.h>
#include <stdint.h>
#include <sha1.h>
