"""Planning views, by area. Each module fetches through core.scoping."""
