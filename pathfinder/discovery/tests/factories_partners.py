"""Factories for the partners register's tests."""

import factory
from django.utils import timezone

from pathfinder.discovery.models import Partner, PartnerEngagement, PartnerLearning


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner practice {n}")
    kind = Partner.Kind.GP


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerEngagement

    partner = factory.SubFactory(PartnerFactory)
    what = PartnerEngagement.What.TRAINING
    title = "Trauma-informed practice level 1"
    invited_on = factory.LazyFunction(timezone.localdate)


class LearningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerLearning

    partner = factory.SubFactory(PartnerFactory)
    kind = PartnerLearning.Kind.BARRIER
    theme = "service_design"
    principles = ["choice"]
    text = "Shared care reviews happen without the person there."


def tna_survey(programme, by, title="Training needs analysis 2027"):
    from pathfinder.instruments.models import InstrumentVersion
    from pathfinder.surveys import services

    version = InstrumentVersion.objects.get(instrument__key="training-needs-analysis", instrument__owner=None)
    today = timezone.localdate()
    return services.create_survey(
        programme=programme,
        instrument_version=version,
        kind="tna",
        title=title,
        distribution="codes",
        opens_on=today,
        closes_on=today + timezone.timedelta(days=7),
        included_optional=[],
        by=by,
    )
