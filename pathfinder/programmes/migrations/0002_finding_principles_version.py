"""A finding keeps every principle it was tagged with (a list, not one), and
carries a version so edits by the person who made it cannot overwrite a
colleague's. Existing findings keep the one principle they had."""

from django.db import migrations, models


def one_to_list(apps, schema_editor):
    Finding = apps.get_model("programmes", "Finding")
    for finding in Finding.objects.exclude(principle="").only("pk", "principle"):
        Finding.objects.filter(pk=finding.pk).update(principles=[finding.principle])


def list_to_one(apps, schema_editor):
    Finding = apps.get_model("programmes", "Finding")
    for finding in Finding.objects.only("pk", "principles"):
        if finding.principles:
            Finding.objects.filter(pk=finding.pk).update(principle=finding.principles[0])


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="finding",
            name="principles",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(one_to_list, list_to_one),
        migrations.RemoveField(
            model_name="finding",
            name="principle",
        ),
        migrations.AddField(
            model_name="finding",
            name="updated_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="finding",
            name="version",
            field=models.PositiveIntegerField(default=1),
        ),
    ]
