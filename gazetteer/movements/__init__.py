"""Movements in a text: triggers, waypoints, actors, modality, dates, and the route network."""
