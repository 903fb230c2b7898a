from pathfinder.programmes.registry import FindingSource, register_finding_source

register_finding_source(FindingSource(key="manual", label="Added by hand"))
