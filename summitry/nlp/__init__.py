"""Linguistic analysis: the spaCy pipeline and our gazetteer components."""
