import factory
from django.utils import timezone

from pathfinder.accounts.models import User
from pathfinder.core.models import Membership, Organisation, Service
from pathfinder.core.roles import Role
from pathfinder.programmes.models import Finding, Programme

TEST_PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test Health Board {n}")
    slug = factory.Sequence(lambda n: f"test-board-{n}")
    kind = Organisation.Kind.HEALTH_BOARD


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Test Drug and Alcohol Service {n}")
    slug = factory.Sequence(lambda n: f"test-service-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    service = factory.SubFactory(ServiceFactory)
    role = Role.STAFF


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    service = factory.SubFactory(ServiceFactory)
    started_on = factory.LazyFunction(timezone.localdate)


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    programme = factory.SubFactory(ProgrammeFactory)
    theme = "culture"
    kind = Finding.Kind.BARRIER
    text = factory.Sequence(lambda n: f"Finding number {n} about how the service works.")
