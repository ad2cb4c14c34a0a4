"""Project-wide Django app: health check now; shared models later."""
