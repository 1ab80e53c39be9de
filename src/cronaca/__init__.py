"""Cronaca: political event data from news, coded natively in many languages."""

__version__ = "0.1.0"
