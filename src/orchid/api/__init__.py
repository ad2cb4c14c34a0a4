"""The HTTP edge of the v3.0 Public and Member APIs: routing, content negotiation, rendering."""
