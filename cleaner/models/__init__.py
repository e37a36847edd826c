"""Learned models shipped as readable data files (see docs/line-model.md)."""
