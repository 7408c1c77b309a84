"""Place names: folding to ASCII and to a transliteration-proof key, the gazetteer with its
scored resolution, and distances. Used by extraction and by queries alike.
"""
