// CardBuilder
