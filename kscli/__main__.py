from kscli.cli import script

script()
