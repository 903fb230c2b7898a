"""Deploy checks for sign-in: `check --deploy` warns about unsafe choices."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def two_step_verification_required(app_configs, **kwargs):
    if settings.PATHFINDER_REQUIRE_MFA:
        return []
    return [
        Warning(
            "Two-step verification is switched off (PATHFINDER_REQUIRE_MFA=0): anyone with a "
            "password can read the service's records.",
            hint="Remove PATHFINDER_REQUIRE_MFA or set it to 1; see docs/deploying.md.",
            id="pathfinder.W001",
        )
    ]
