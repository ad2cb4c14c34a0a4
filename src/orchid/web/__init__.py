"""The Registry web UI: sign in and registration, the public record page, the researcher's own pages.

Views are thin (`orchid.web.views`); the rules live in plain modules: `accounts` (registration,
e-mail verification, sign-in and its throttle, password reset), `mail` (the sandbox mailbox),
`record_page` (the public and own-record view models), `trusted` (trusted organizations),
`developer` (public API clients), `two_factor` (TOTP two-factor authentication and recovery codes),
`security` (response headers). The operators' pages (``/admin-tools/``, staff accounts only) call
`orchid.oauth.services` for clients and `orchid.records.admin` for record states.
"""
