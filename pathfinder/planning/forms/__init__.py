"""Forms for planning, by area. Fields render through core/forms.jinja only."""
