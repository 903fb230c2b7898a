"""Answers become unlinkable (issue: anonymity that holds).

- Using a code no longer writes to the participant: a keyed SpentCode mark is
  stored instead, and per-person dates (invited, reminded) go.
- Answers are encrypted without a date; responses lose their day.
- Sealing (rewriting rows in a random order after closing) is no longer needed.

After upgrading a PostgreSQL database, run VACUUM FULL on surveys_response and
surveys_participant so old row versions holding the previous form are gone
(see docs/privacy.md).
"""

import json

from django.db import migrations, models
import django.db.models.deletion


def forwards(apps, schema_editor):
    from pathfinder.core import crypto

    Participant = apps.get_model("surveys", "Participant")
    SpentCode = apps.get_model("surveys", "SpentCode")
    Response = apps.get_model("surveys", "Response")
    for survey_id, participant_id in Participant.objects.filter(responded=True).values_list("survey_id", "pk"):
        token = crypto.keyed_digests(f"{survey_id}:{participant_id}".encode(), purpose=b"survey-spent")[0]
        SpentCode.objects.create(survey_id=survey_id, token=token)
    for response in Response.objects.all():
        value = response.answers
        if not isinstance(value, str) or not value.startswith("u1."):
            answers = value if isinstance(value, dict) else json.loads(value)
            text = json.dumps(answers, sort_keys=True, ensure_ascii=False)
            response.answers = crypto.encrypt_undated(text, context=f"survey-response:{response.survey_id}".encode())
            response.save(update_fields=["answers"])


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="SpentCode",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(max_length=64)),
                (
                    "survey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="spent_codes", to="surveys.survey"
                    ),
                ),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("survey", "token"), name="one_use_per_invitation")]
            },
        ),
        migrations.AddField(model_name="survey", name="reminded_on", field=models.DateField(blank=True, null=True)),
        migrations.AddField(model_name="survey", name="archived", field=models.BooleanField(default=False)),
        migrations.AlterField(model_name="response", name="answers", field=models.TextField()),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveField(model_name="participant", name="email"),
        migrations.RemoveField(model_name="participant", name="invited_on"),
        migrations.RemoveField(model_name="participant", name="reminded_on"),
        migrations.RemoveField(model_name="participant", name="responded"),
        migrations.RemoveField(model_name="response", name="submitted_on"),
        migrations.RemoveField(model_name="survey", name="sealed"),
    ]
