"""OAuth 2.0 / OpenID Connect provider on django-oauth-toolkit: clients, tokens, ORCID's scopes."""
