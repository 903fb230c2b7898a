import re
from datetime import timedelta

from django import forms
from django.contrib.auth import password_validation
from django.utils import timezone

from pathfinder.core.forms import VersionedForm, date_field
from pathfinder.core.roles import Role
from pathfinder.thisisme import emergency, grants, people
from pathfinder.thisisme import sections as section_data
from pathfinder.thisisme.models import ConsentGrant

# Characters a browser can send but we cannot keep (NUL and other invisible
# control characters, often picked up when copying text). Tabs and new lines are fine.
UNSUPPORTED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class PersonNewForm(forms.Form):
    name = forms.CharField(
        label="The name they would like to be called",
        max_length=150,
        help_text="Only this name shows on their profile. It does not need to be their legal name.",
        error_messages={"required": "Enter the name they would like to be called."},
    )
    agreed = forms.BooleanField(
        label="They agreed to have a 'This is me' profile, after I explained that it is theirs, "
        "that nobody sees it unless they choose to share it, and that they can delete it at any time.",
        error_messages={"required": "Tick to confirm that they agreed, or come back when they are ready."},
    )


class SetUpForm(forms.Form):
    code = forms.CharField(
        label="Set-up code",
        max_length=40,
        help_text="It is on the paper your key worker gave you, for example ABCD-EFGH-JKMN.",
        error_messages={"required": "Enter the set-up code from your paper."},
    )
    username = forms.CharField(
        label="Choose a username",
        max_length=40,
        help_text="3 to 40 letters or numbers. You can use dots, dashes and underscores. "
        "Not your e-mail address or full name, if you would rather keep those private.",
        error_messages={"required": "Choose a username."},
    )
    passphrase = forms.CharField(
        label="Choose a passphrase",
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters. Three or four ordinary words that you will remember work well, "
        "for example: kettle harbour green morning.",
        error_messages={"required": "Choose a passphrase."},
        strip=False,
    )
    passphrase_again = forms.CharField(
        label="Type the passphrase again",
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Type the passphrase again."},
        strip=False,
    )

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.profile = people.profile_for_code(code)
        if self.profile is None:
            raise forms.ValidationError(
                "We could not find that set-up code. Check it against your paper. A code lasts 14 days "
                "and works once. If it has run out or is lost, your key worker can give you a new one."
            )
        return code

    def clean_username(self):
        username = self.cleaned_data["username"].strip().lower()
        if not people.USERNAME.fullmatch(username):
            raise forms.ValidationError(
                "Use 3 to 40 letters or numbers, with dots, dashes or underscores if you like, and no spaces."
            )
        if people.username_taken(username, profile=getattr(self, "profile", None)):
            raise forms.ValidationError("Someone already has that username. Please choose another.")
        return username

    def clean(self):
        cleaned = super().clean()
        passphrase, again = cleaned.get("passphrase"), cleaned.get("passphrase_again")
        if passphrase and again and passphrase != again:
            self.add_error("passphrase_again", "The two passphrases are not the same. Please type them again.")
        elif passphrase and getattr(self, "profile", None):
            try:
                password_validation.validate_password(passphrase, self.profile.person)
            except forms.ValidationError as problem:
                self.add_error("passphrase", problem)
        return cleaned


class SignInForm(forms.Form):
    username = forms.CharField(label="Username", max_length=40, error_messages={"required": "Enter your username."})
    passphrase = forms.CharField(
        label="Passphrase",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
        error_messages={"required": "Enter your passphrase."},
    )


class SecondStepForm(forms.Form):
    code = forms.CharField(
        label="Code from your app",
        max_length=10,
        help_text="The 6 numbers your authenticator app shows now.",
        error_messages={"required": "Enter the 6 numbers from your app."},
    )


class SectionText(forms.CharField):
    def to_python(self, value):
        # Browsers send a line break as two characters; count it as one.
        return super().to_python(value).replace("\r\n", "\n")


class SectionForm(VersionedForm):
    def __init__(self, *args, section: section_data.Section, **kwargs):
        super().__init__(*args, **kwargs)
        self.removed_characters = 0
        if self.is_bound and UNSUPPORTED.search(self.data.get("text", "")):
            # Show the words again without the characters we cannot keep, so
            # saving again works; say so, and change nothing else.
            data = self.data.copy()
            self.removed_characters = len(UNSUPPORTED.findall(data["text"]))
            data["text"] = UNSUPPORTED.sub("", data["text"])
            self.data = data
        self.fields["text"] = SectionText(
            label=section.title,
            required=False,
            strip=False,
            max_length=section_data.MAX_LENGTH,
            help_text=f"{section.prompt} {section.examples} Up to {section_data.MAX_LENGTH:,} characters.",
            error_messages={
                "max_length": f"This part can be up to {section_data.MAX_LENGTH:,} characters, and it has "
                "%(show_value)s. Your words are all still here: you could shorten it, or put some of it "
                "in “Anything else”."
            },
            widget=forms.Textarea(attrs={"rows": 10}),
        )

    def clean_text(self):
        text = self.cleaned_data["text"]
        if self.removed_characters:
            raise forms.ValidationError(
                f"Your words had {self.removed_characters} invisible "
                f"{'character' if self.removed_characters == 1 else 'characters'} (often picked up when "
                "copying text) that we cannot keep. We have taken just those out; everything else is "
                "exactly as you wrote it. Check it and save again."
            )
        return text


HOW_LONG = [
    ("30", "30 days"),
    ("90", "90 days"),
    ("182", "6 months"),
    ("365", "1 year"),
    ("date", "Until a date I choose"),
]


class GrantForm(forms.Form):
    grantee = forms.ChoiceField(
        label="Who would you like to share with?",
        choices=ConsentGrant.Grantee.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who to share with."},
    )
    professional = forms.TypedChoiceField(
        label="The professional in the service", required=False, coerce=int, empty_value=None
    )
    partner = forms.TypedChoiceField(
        label="The professional from a partner organisation",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="For example, someone at your GP practice. If they are not in the list, "
        "your key worker can invite them to join for this purpose.",
    )
    team = forms.TypedChoiceField(label="The team", required=False, coerce=int, empty_value=None)
    sections = forms.MultipleChoiceField(
        label="Which parts would you like to share?",
        choices=[(s.key, s.title) for s in section_data.SECTIONS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one part to share."},
    )
    purpose = forms.ChoiceField(
        label="What is it for?",
        choices=ConsentGrant.Purpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what it is for."},
    )
    how_long = forms.ChoiceField(
        label="For how long?",
        choices=HOW_LONG,
        initial="90",
        widget=forms.RadioSelect,
        help_text="Sharing always ends. You can stop it sooner at any time, and share again later.",
        error_messages={"required": "Choose for how long."},
    )
    ends_on = date_field(
        "The last day of sharing, if you chose a date",
        required=False,
        what="last day of sharing",
        help_text="Up to one year from today. For example, 2027-03-31.",
    )

    def __init__(self, *args, profile, **kwargs):
        super().__init__(*args, **kwargs)
        # Needed only with the matching choice above (clean() checks), so not "optional".
        for name in ("professional", "partner", "team", "ends_on"):
            self.fields[name].one_of_group = True
        blank = [("", "Choose someone")]
        self.fields["professional"].choices = blank + [
            (u.pk, u.full_name) for u in grants.professionals(profile, partners=False)
        ]
        self.fields["partner"].choices = blank + [
            (u.pk, u.full_name) for u in grants.professionals(profile, partners=True)
        ]
        self.fields["team"].choices = [("", "Choose a team")] + [(t.pk, t.name) for t in grants.teams(profile)]
        self.fields["professional"].error_messages["invalid_choice"] = (
            f"You can only share with people who work in or with {profile.service.name}. Choose someone from the list."
        )
        self.fields["partner"].error_messages["invalid_choice"] = self.fields["professional"].error_messages[
            "invalid_choice"
        ]
        self.fields["team"].error_messages["invalid_choice"] = "Choose a team from the list."

    def clean(self):
        cleaned = super().clean()
        grantee = cleaned.get("grantee")
        needs = {"professional": "professional", "partner": "partner", "team": "team"}
        if grantee in needs and not cleaned.get(needs[grantee]) and not self.has_error(needs[grantee]):
            what = {
                "professional": "Choose the professional",
                "partner": "Choose the professional",
                "team": "Choose the team",
            }
            self.add_error(needs[grantee], f"{what[grantee]} you would like to share with.")
        how_long = cleaned.get("how_long")
        today = timezone.localdate()
        if how_long == "date":
            ends_on = cleaned.get("ends_on")
            if ends_on is None and not self.has_error("ends_on"):
                self.add_error("ends_on", "Enter the last day of sharing, for example 2027-03-31.")
            elif ends_on is not None and ends_on <= today:
                self.add_error("ends_on", "The last day of sharing needs to be after today.")
            elif ends_on is not None and ends_on > today + timedelta(days=grants.MAX_DAYS):
                self.add_error(
                    "ends_on",
                    "You can share for up to one year at a time. Choose a day within a year; you can share again later.",
                )
        elif how_long:
            cleaned["ends_on"] = today + timedelta(days=int(how_long))
        return cleaned

    def grant_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "grantee": data["grantee"],
            "sections": data["sections"],
            "purpose": data["purpose"],
            "ends_on": data["ends_on"],
            "user_id": data.get("professional") if data["grantee"] == "professional" else data.get("partner"),
            "team_id": data.get("team"),
        }


class RecoveryForm(forms.Form):
    identity_check = forms.ChoiceField(
        label="How did you check, in person, that it is them?",
        choices=people.IdentityCheck.CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Say how you checked, in person, that it is them."},
    )


class EmergencyForm(forms.Form):
    reason = forms.CharField(
        label="Why is this an emergency?",
        min_length=emergency.REASON_MIN,
        max_length=emergency.REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Your Caldicott lead will review this, and the person will see that you looked. "
        f"At least {emergency.REASON_MIN} characters.",
        error_messages={
            "required": "Say why this is an emergency.",
            "min_length": "Say a little more about why this is an emergency: at least %(limit_value)d characters.",
            "max_length": "Keep the reason to %(limit_value)d characters. Your words are still here.",
        },
    )
    hours = forms.TypedChoiceField(
        label="For how long?",
        coerce=int,
        choices=[(h, f"{h} hour" + ("s" if h > 1 else "")) for h in emergency.HOURS],
        widget=forms.RadioSelect,
        initial=4,
        error_messages={
            "required": "Choose for how long.",
            "invalid_choice": "Emergency access lasts at most 24 hours.",
        },
    )


class ReviewForm(forms.Form):
    note = forms.CharField(
        label="Your review",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write what you found in your review."},
    )


class SettingsForm(VersionedForm):
    emergency_access = forms.BooleanField(label="Allow emergency access in this service", required=False)
    emergency_roles = forms.MultipleChoiceField(
        label="Who may use emergency access",
        choices=[(r.value, r.label) for r in Role if r not in (Role.EVALUATOR, Role.PARTNER)],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    caldicott_lead = forms.TypedChoiceField(
        label="Caldicott lead",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="They review every use of emergency access.",
    )
    retention_days = forms.IntegerField(
        label="Keep a profile nobody has used for (days)",
        min_value=90,
        max_value=3650,
        error_messages={
            "min_value": "Keep profiles for at least 90 days.",
            "max_value": "Keep profiles for at most 10 years (3650 days).",
        },
    )
    notice_days = forms.IntegerField(
        label="Notice before removing it (days)",
        min_value=7,
        max_value=180,
        error_messages={"min_value": "Give at least 7 days' notice.", "max_value": "Give at most 180 days' notice."},
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caldicott_lead"].choices = [("", "Nobody yet")] + [(u.pk, u.full_name) for u in members]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("emergency_access") and not cleaned.get("emergency_roles"):
            self.add_error("emergency_roles", "Choose at least one role that may use emergency access.")
        if cleaned.get("emergency_access") and not cleaned.get("caldicott_lead"):
            self.add_error("caldicott_lead", "Choose a Caldicott lead to review each use of emergency access.")
        return cleaned
