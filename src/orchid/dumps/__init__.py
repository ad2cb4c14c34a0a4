"""The public data file: `orchid dump` writes it (writer), `orchid load` imports it (loader)."""
