"""Django's SQLite backend, with a process's write transactions queued in order (see `base`)."""
