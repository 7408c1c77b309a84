"""The index: built once from a corpus (in worker processes for a big one), saved in a cache
file, and read back so that a query decodes only the events it returns.

``kscli.store.load.load_index()`` is the way in.
"""
