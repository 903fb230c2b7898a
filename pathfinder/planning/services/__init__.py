"""State changes for planning, by area: actions (the plan), toc, group,
feedback and calendar."""
