"""Classroom tours: the files and what they hold."""
