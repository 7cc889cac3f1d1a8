"""The live ticker (Liveticker): an article that runs as a live blog, with entries newest
first, posted from the admin and shown to readers without reloading."""
