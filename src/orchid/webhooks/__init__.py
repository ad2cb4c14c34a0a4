"""ORCID webhooks (spec §8): premium clients register a callback URL per record; Orchid POSTs to it, with
an empty body, some time after the record changes (coalesced: at most one call per window).

Registrations are `models.Webhook`; the rules of PUT/DELETE are `services`; which callback addresses are
allowed is `targets`; the call itself is `delivery`, an `orchid.outbox` handler run by `orchid worker`.
"""
