"""Test support: a throwaway PostgreSQL cluster and the pytest plugin that picks the test database."""
