"""Thesis Tracker's domain model and service API: pure Python, no Qt."""

from model.errors import UserError  # noqa: F401

__version__ = "0.1.0"
