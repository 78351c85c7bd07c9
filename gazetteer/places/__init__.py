"""The places: curated, GeoNames and user layers, LPF in and out, lookup, checks, geocoding."""
