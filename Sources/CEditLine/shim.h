#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H

#include <histedit.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

// `el_set`, `el_get` and `history` are variadic, so Swift cannot call them: each use Annals needs is wrapped
// here in a fixed-signature function.

typedef char *(*annals_prompt_fn)(EditLine *);
typedef unsigned char (*annals_edit_fn)(EditLine *, int);

/// Opens libedit on the process's standard streams (which Swift 6 cannot touch as global variables).
static inline EditLine *annals_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}

/// Writes `text` to standard output through the same FILE libedit uses, and flushes it.
static inline void annals_el_write(const char *text) {
  fputs(text, stdout);
  fflush(stdout);
}

static inline int annals_el_set_prompt(EditLine *el, annals_prompt_fn fn) {
  return el_set(el, EL_PROMPT, fn);
}

static inline int annals_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

static inline int annals_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}

static inline int annals_el_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}

static inline int annals_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

static inline void *annals_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}

static inline int annals_el_add_function(EditLine *el, const char *name, const char *help, annals_edit_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int annals_el_bind(EditLine *el, const char *key, const char *function) {
  return el_set(el, EL_BIND, key, function, NULL);
}

static inline int annals_history_set_size(History *h, HistEvent *ev, int size) {
  return history(h, ev, H_SETSIZE, size);
}

static inline int annals_history_set_unique(History *h, HistEvent *ev, int unique) {
  return history(h, ev, H_SETUNIQUE, unique);
}

static inline int annals_history_enter(History *h, HistEvent *ev, const char *line) {
  return history(h, ev, H_ENTER, line);
}

static inline int annals_history_load(History *h, HistEvent *ev, const char *path) {
  return history(h, ev, H_LOAD, path);
}

static inline int annals_history_save(History *h, HistEvent *ev, const char *path) {
  return history(h, ev, H_SAVE, path);
}

static inline int annals_history_count(History *h, HistEvent *ev) {
  if (history(h, ev, H_GETSIZE) != 0) return -1;
  return ev->num;
}

/// Replaces libedit's character reader, whose retry on EINTR would keep SIGTERM from ending a read.
static inline int annals_el_set_getcfn(EditLine *el, el_rfunc_t fn) {
  return el_set(el, EL_GETCFN, fn);
}

static inline int annals_el_set_tty_edit_mode(EditLine *el, const char *mode) {
  return el_set(el, EL_SETTY, "-d", mode, NULL);
}

// Signals: the handler only records the signal number, which the reader polls after a read is interrupted.
// The flag lives in C because a signal handler may touch nothing but a `volatile sig_atomic_t`.
static volatile sig_atomic_t annals_pending_signal = 0;

static void annals_record_signal(int signo) {
  // A request to end outranks an interrupt that arrives after it.
  if (signo == SIGINT && (annals_pending_signal == SIGTERM || annals_pending_signal == SIGHUP)) return;
  annals_pending_signal = signo;
}

/// Installs the recording handler for `signo` without SA_RESTART, so a blocked read returns EINTR.
static inline int annals_catch_signal(int signo) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = annals_record_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  return sigaction(signo, &action, NULL);
}

/// Returns and clears the last signal caught (0 when none).
static inline int annals_take_signal(void) {
  int signo = annals_pending_signal;
  annals_pending_signal = 0;
  return signo;
}

/// Peeks at the last signal caught without clearing it.
static inline int annals_peek_signal(void) { return annals_pending_signal; }

/// The width of the terminal on `fd` in columns, or 0 when `fd` is not a terminal.
static inline int annals_terminal_columns(int fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

#endif
