"""The registry of disambiguated organizations (ROR, GRID, RINGGOLD, FUNDREF, LEI)."""
