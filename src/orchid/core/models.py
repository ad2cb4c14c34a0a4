"""Models shared across Orchid. None yet; `orchid/core/migrations/` is ready for the first."""
