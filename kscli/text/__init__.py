"""Reading timelines: files, headings, years, sentences, dates, and the data files' TSV.

The lowest layer above the values (kscli.model) and errors: it knows nothing of places,
claims or indexes.
"""
