"""The registry of disambiguated organizations that affiliations, fundings, peer reviews and research
resources point at (ORCID's ``org_disambiguated`` table).

One row per identifier: an organization known under a ROR id and a GRID id has two rows, as in ORCID,
because items are matched on (source, identifier) exactly as posted.
"""

from __future__ import annotations

from django.db import models


class OrganizationSource(models.TextChoices):
    """ORCID's ``disambiguation-source`` values (``OrgDisambiguatedSourceType``)."""

    ROR = "ROR", "ROR"
    GRID = "GRID", "GRID"
    RINGGOLD = "RINGGOLD", "Ringgold"
    FUNDREF = "FUNDREF", "Crossref Funder Registry"
    LEI = "LEI", "Legal Entity Identifier"


class Provenance(models.TextChoices):
    """How a row came into the registry, so a sandbox can show what it accepted on the fly."""

    SEED = "seed", "seeded sample"
    ROR_DUMP = "ror-dump", "ROR data dump"
    SANDBOX = "sandbox", "added from a posted item (sandbox)"
    OTHER = "other", "other"


class Organization(models.Model):
    # Lengths follow the v3.0 XSD: org name, city and region are `long-text` (4000), the identifier 500.
    name = models.CharField(max_length=4000)
    city = models.CharField(max_length=4000, blank=True, default="")
    region = models.CharField(max_length=4000, blank=True, default="")
    country = models.CharField(max_length=2, blank=True, default="", help_text="ISO 3166-1 alpha-2")
    disambiguated_id = models.CharField(
        max_length=500, help_text="Canonical form, e.g. https://ror.org/04fa4r544 or grid.455335.1"
    )
    source = models.CharField(max_length=16, choices=OrganizationSource.choices)
    provenance = models.CharField(max_length=16, choices=Provenance.choices, default=Provenance.OTHER)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The unique constraint's index is the lookup index: every lookup is by (source, identifier).
        constraints = [
            models.UniqueConstraint(
                fields=["source", "disambiguated_id"], name="organization_source_id_unique"
            ),
        ]
        ordering = ["source", "disambiguated_id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.source} {self.disambiguated_id})"
