"""Sentences in, facts out: claims, place mentions, event types, times, casualties, weapons,
and the data files (actors, weapons, the lexicon) they are found with.
"""
