"""``manage.py load_demo``: fill the newsroom with German demo content (see demo.loader)."""

from django.core.management.base import BaseCommand, CommandError

from demo.loader import DEFAULT_ADMIN_USERNAME, load_demo


class Command(BaseCommand):
    help = (
        "Lädt eine Demo-Redaktion: Ressorts, Autor:innen, Bilder und rund 40 Artikel. "
        "Mehrfach ausführbar: Ein erneuter Lauf setzt die Demo-Inhalte zurück und "
        "aktualisiert ihre Zeiten, ohne etwas doppelt anzulegen."
    )

    def add_arguments(self, parser):
        admin = parser.add_mutually_exclusive_group()
        admin.add_argument(
            "--admin-user",
            default=DEFAULT_ADMIN_USERNAME,
            metavar="BENUTZERNAME",
            help=(
                "Superuser, der angelegt oder aktualisiert wird und ein neues Passwort bekommt "
                f"(Standard: {DEFAULT_ADMIN_USERNAME})."
            ),
        )
        admin.add_argument(
            "--no-admin", action="store_true", help="Keinen Admin-Zugang anlegen oder ändern."
        )
        parser.add_argument(
            "--image-scale",
            type=float,
            default=1.0,
            metavar="FAKTOR",
            help="Neu gezeichnete Bilder verkleinern, z. B. 0.1 für schnelle Tests (Standard: 1).",
        )

    def handle(self, *args, admin_user, no_admin, image_scale, **options):
        if not 0 < image_scale <= 1:
            raise CommandError("--image-scale muss größer als 0 und höchstens 1 sein.")
        admin_user = "" if no_admin else admin_user.strip()
        if not no_admin and not admin_user:
            raise CommandError("--admin-user braucht einen Benutzernamen.")
        result = load_demo(image_scale=image_scale, admin_username=admin_user)
        self.stdout.write(self.style.SUCCESS(result.summary()))
