"""
The demo newsroom: German sections, authors, pictures and articles, and the code that loads
them (``python manage.py load_demo``).

Every demo object has a stable key: sections their slug, authors their short code, pictures a
fixed file-name stem, articles the slug of their headline. Loading again therefore never
duplicates anything: it resets the demo objects to their demo state and moves the publication
times up to "now", so the demo always looks fresh. Picture files are drawn with Pillow once and
reused on later runs (and redrawn only if a file has gone missing from storage).

Everything but the clock is deterministic: the same seed gives the same pictures, the same
order of articles and the same times relative to now.
"""

import io
import math
import random
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageColor, ImageDraw, ImageFont

from images.models import Image
from people.models import Author
from sitecontent.models import SiteSettings, SocialAccount
from sitecontent.models import clear_cache as clear_site_settings_cache

from .models import (
    MAX_HOME_HIGHLIGHTS,
    MAX_TEASER_BULLETS,
    SLUG_MAX_LENGTH,
    Article,
    ArticleRedirect,
    Byline,
    CrossLink,
    HomePage,
    HomePageHighlight,
    Section,
    TeaserBullet,
)
from .text import german_slugify

SEED = 1989
DEFAULT_ADMIN_USERNAME = "redaktion"
DEV_SERVER = "http://127.0.0.1:8000"

LANDSCAPE_SIZE = (1600, 900)
PORTRAIT_SIZE = (720, 900)
JPEG_QUALITY = 80
# Demo pictures are found again by this stem in their file name (see _find_demo_image).
FILE_STEM = "newsroom-demo-{key}"

PUBLISHED, SCHEDULED, DRAFT = "published", "scheduled", "draft"


# --- the data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoAuthor:
    code: str
    name: str
    role: str
    bio: str
    photo: str = ""  # key of a portrait in IMAGES

    @property
    def slug(self):
        return german_slugify(self.name)


@dataclass(frozen=True)
class DemoImage:
    key: str
    scene: str  # a key of SCENES
    colors: tuple  # (top of the sky/background, bottom, accent), as "#rrggbb"
    caption: str
    alt_text: str
    credit_line: str = ""
    photographer: str = ""
    label: str = ""  # text drawn into the scene (a town sign, a scoreboard, ...)
    variant: str = ""  # a scene's variation
    portrait: bool = False


@dataclass(frozen=True)
class DemoArticle:
    key: str  # only used inside this module, for cross-links
    section: str  # a section slug
    headline: str
    lead: str
    bullets: list
    body: str  # a tiny markup, see render_body()
    authors: list  # short codes, or (short code, role in this article) pairs
    kicker: str = ""
    image: str = ""
    caption: str = ""  # overrides the image's own caption in this article
    tags: tuple = ()
    related: tuple = ()  # keys of other demo articles ("Lesen Sie außerdem noch")
    status: str = PUBLISHED  # PUBLISHED, SCHEDULED (publication time ahead) or DRAFT
    publish_in_hours: int = 0  # SCHEDULED only
    updated: bool = False  # a material update after first publication

    @property
    def slug(self):
        return german_slugify(self.headline)[:SLUG_MAX_LENGTH].strip("-")

    @property
    def bylines(self):
        """(short code, role override) pairs, in order."""
        return [(a, "") if isinstance(a, str) else tuple(a) for a in self.authors]


SECTIONS = [
    ("Politik", "politik"),
    ("Wirtschaft", "wirtschaft"),
    ("Leipzig", "leipzig"),
    ("Kultur", "kultur"),
    ("Sport", "sport"),
    ("Wissen", "wissen"),
]

AUTHORS = [
    DemoAuthor(
        "mm",
        "Mara Mertens",
        "Newsroom-Redakteurin",
        "Mara Mertens koordiniert im Newsroom die Nachrichtenlage am Tag und schreibt über "
        "Stadtpolitik und Verkehr. Sie hat in Leipzig Journalistik studiert und in der "
        "Redaktion volontiert.",
        photo="portrait_mm",
    ),
    DemoAuthor(
        "rut",
        "Ruth Tänzer",
        "Redakteurin",
        "Ruth Tänzer berichtet aus den Leipziger Stadtteilen: über Schulen, Bäder, Bibliotheken "
        "und alles, was den Alltag in der Stadt ausmacht. Vorher war sie Lokalreporterin in "
        "Grimma.",
    ),
    DemoAuthor(
        "ja",
        "Jonas Albrecht",
        "Korrespondent",
        "Jonas Albrecht ist Korrespondent im Hauptstadtbüro in Berlin. Er beobachtet Bundestag "
        "und Bundesregierung und schreibt über Außenpolitik.",
    ),
    DemoAuthor(
        "kw",
        "Katrin Wendt",
        "Chefredakteurin",
        "Katrin Wendt leitet die Redaktion. Davor war sie Ressortleiterin Politik und "
        "Korrespondentin in Dresden.",
        photo="portrait_kw",
    ),
    DemoAuthor(
        "tk",
        "Thomas Kühn",
        "Wirtschaftsredakteur",
        "Thomas Kühn schreibt über Industrie, Arbeitsmarkt und Energie in Mitteldeutschland. "
        "Er ist gelernter Bankkaufmann.",
    ),
    DemoAuthor(
        "sb",
        "Sophie Brandt",
        "Redakteurin",
        "Sophie Brandt verantwortet im Wirtschaftsressort die Verbraucherthemen: Preise, "
        "Zinsen, Geldanlage und neue Technik.",
    ),
    DemoAuthor(
        "ad",
        "Aylin Demir",
        "Redakteurin",
        "Aylin Demir berichtet über die sächsische Landespolitik und ist regelmäßig im "
        "Landtag in Dresden.",
    ),
    DemoAuthor(
        "lh",
        "Leonie Haase",
        "Kulturredakteurin",
        "Leonie Haase schreibt über Musik, Theater und bildende Kunst. Sie hat "
        "Musikwissenschaft in Leipzig und Wien studiert.",
        photo="portrait_lh",
    ),
    DemoAuthor(
        "ps",
        "Paul Seidel",
        "Sportredakteur",
        "Paul Seidel begleitet RB Leipzig seit dem Aufstieg in die Bundesliga und berichtet "
        "über Handball, Volleyball und Eishockey in der Region.",
        photo="portrait_ps",
    ),
    DemoAuthor(
        "fl",
        "Friedrich Lorenz",
        "Wissenschaftsredakteur",
        "Friedrich Lorenz ist promovierter Biologe und schreibt über Forschung, Medizin und Klima.",
    ),
]

IMAGES = [
    DemoImage(
        "rathaus",
        "skyline",
        ("#3d5a80", "#f4a261", "#ffd166"),
        "Das Neue Rathaus in Leipzig: Hier tagt der Stadtrat.",
        "Das Neue Rathaus mit seinem hohen Turm in der Abendsonne, davor Häuser der Innenstadt.",
        credit_line="picture alliance/dpa/LVZ via Imago",
        photographer="Jana Beispiel",
        label="Leipzig",
        variant="tower",
    ),
    DemoImage(
        "innenstadt",
        "skyline",
        ("#0b1d3a", "#3a506b", "#f1faee"),
        "Abendstimmung in der Leipziger Innenstadt.",
        "Häuserfassaden mit erleuchteten Fenstern unter dem Nachthimmel, darüber der Mond.",
        photographer="Tilo Reichert",
    ),
    DemoImage(
        "tram",
        "tram",
        ("#8ecae6", "#e0f4ff", "#2a6fb0"),
        "Eine Straßenbahn der Leipziger Verkehrsbetriebe in der Innenstadt.",
        "Eine blau-weiße Straßenbahn mit der Zielanzeige „11 Markkleeberg“ vor Stadthäusern.",
        credit_line="LVZ",
        photographer="Anja Hoffmann",
        label="11 Markkleeberg",
    ),
    DemoImage(
        "landtag",
        "skyline",
        ("#4f86c6", "#d7ecff", "#fff3b0"),
        "Der Sächsische Landtag am Dresdner Elbufer.",
        "Ein modernes Parlamentsgebäude mit Glasfassade an einem Fluss unter blauem Himmel.",
        credit_line="IMAGO/Sven Simon",
        label="Dresden",
        variant="glass",
    ),
    DemoImage(
        "bundestag",
        "skyline",
        ("#6c757d", "#ced4da", "#f8f9fa"),
        "Das Reichstagsgebäude in Berlin, Sitz des Bundestags.",
        "Ein großes Parlamentsgebäude mit gläserner Kuppel unter grauem Himmel.",
        credit_line="picture alliance/dpa",
        photographer="Lena Krüger",
        label="Berlin",
        variant="dome",
    ),
    DemoImage(
        "industrie",
        "industry",
        ("#9aa5b1", "#e9e3d5", "#c0392b"),
        "Anlagen im Chemiepark Leuna.",
        "Industrieanlagen mit rot-weißen Schornsteinen, Tanks und Rohrleitungen im Dunst.",
        credit_line="picture alliance/dpa/dpa-Zentralbild via ZUMA Press Wire",
        photographer="Sabine Pohlmann",
    ),
    DemoImage(
        "chart",
        "chart",
        ("#0d1b2a", "#1b263b", "#2ec4b6"),
        "Die Kurstafel im Handelssaal der Frankfurter Börse.",
        "Ein Kursdiagramm mit steigenden Balken und einer Linie auf dunklem Hintergrund.",
        credit_line="IMAGO/Shotshop",
        label="DAX",
    ),
    DemoImage(
        "baustelle",
        "crane",
        ("#90caf9", "#e3f2fd", "#f4a300"),
        "Auf vielen Baustellen in Leipzig entstehen neue Wohnungen.",
        "Ein gelber Baukran über einem Rohbau mit mehreren Etagen.",
        photographer="Mirko Feldmann",
        label="Neubau",
    ),
    DemoImage(
        "solar",
        "landscape",
        ("#5fa8d3", "#cae9ff", "#ffe066"),
        "Solarmodule auf einer ehemaligen Tagebaufläche südlich von Leipzig.",
        "Lange Reihen von Solarmodulen auf einer Wiese, dahinter flache Hügel und die Sonne.",
        credit_line="picture alliance/dpa/dpa-Zentralbild",
        photographer="Karsten Weidlich",
        variant="solar",
    ),
    DemoImage(
        "auwald",
        "landscape",
        ("#a8dadc", "#f1faee", "#fff3b0"),
        "Der Leipziger Auwald zählt zu den größten Auenwäldern Mitteleuropas.",
        "Ein Fluss schlängelt sich durch dichten, grünen Wald.",
        credit_line="IMAGO/Westend61",
        variant="river",
    ),
    DemoImage(
        "konzert",
        "stage",
        ("#14080e", "#2b1d2f", "#ffd6a5"),
        "Das Gewandhausorchester im Großen Saal.",
        "Musikerinnen und Musiker auf einer Bühne im Scheinwerferlicht, seitlich rote Vorhänge.",
        credit_line="Gewandhaus zu Leipzig",
        photographer="Jens Hartung",
    ),
    DemoImage(
        "bibliothek",
        "books",
        ("#f3e9dc", "#c8b6a6", "#7f5539"),
        "Im Lesesaal der Leipziger Stadtbibliothek.",
        "Gut gefüllte Bücherregale mit bunten Buchrücken.",
        credit_line="Leipziger Städtische Bibliotheken",
    ),
    DemoImage(
        "museum",
        "gallery",
        ("#f8f9fa", "#dee2e6", "#e76f51"),
        "Blick in die Ausstellung im Museum der bildenden Künste.",
        "Drei großformatige, abstrakte Gemälde in kräftigen Farben an einer hellen Wand.",
        credit_line="Museum der bildenden Künste Leipzig",
        photographer="Katja Brenner",
    ),
    DemoImage(
        "stadion",
        "stadium",
        ("#1d3557", "#457b9d", "#2b9348"),
        "Fans verfolgen ein Heimspiel im Leipziger Stadion.",
        "Ein voll besetztes Fußballstadion mit grünem Rasen und Flutlicht.",
        credit_line="IMAGO/Sven Simon",
        photographer="Lukas Thiele",
        label="2:1",
    ),
    DemoImage(
        "halle",
        "stadium",
        ("#212529", "#495057", "#1f6fb2"),
        "Ein Heimspiel in der Arena Leipzig.",
        "Ein blaues Spielfeld in einer Halle, auf den Rängen dicht gedrängt Zuschauer.",
        credit_line="IMAGO/Eibner",
        photographer="Nadine Stolle",
        label="27:31",
        variant="indoor",
    ),
    DemoImage(
        "labor",
        "lab",
        ("#e0fbfc", "#ffffff", "#06d6a0"),
        "In einem Labor der Universität Leipzig.",
        "Farbige Moleküle und ein Glaskolben mit grüner Flüssigkeit.",
        credit_line="Universität Leipzig",
        photographer="Christian Ebert",
    ),
    DemoImage(
        "sterne",
        "stars",
        ("#03045e", "#0d1b2a", "#ffb703"),
        "Der Sternenhimmel über der Volkssternwarte.",
        "Nachthimmel mit vielen Sternen und einem Ringplaneten über der Kuppel einer Sternwarte.",
        credit_line="picture alliance/Zoonar",
        photographer="Ronny Weißbach",
    ),
    DemoImage(
        "portrait_mm",
        "portrait",
        ("#cfe1f2", "#9dbbd9", "#2b4162"),
        "Mara Mertens, Newsroom-Redakteurin",
        "Porträt von Mara Mertens",
        credit_line="newsroom",
        photographer="Anja Hoffmann",
        variant="long",
        portrait=True,
    ),
    DemoImage(
        "portrait_kw",
        "portrait",
        ("#f1e3d3", "#d8c3a5", "#8e3b46"),
        "Katrin Wendt, Chefredakteurin",
        "Porträt von Katrin Wendt",
        credit_line="newsroom",
        photographer="Anja Hoffmann",
        variant="short",
        portrait=True,
    ),
    DemoImage(
        "portrait_lh",
        "portrait",
        ("#e9f5db", "#b5c99a", "#6a4c93"),
        "Leonie Haase, Kulturredakteurin",
        "Porträt von Leonie Haase",
        credit_line="privat",
        variant="long",
        portrait=True,
    ),
    DemoImage(
        "portrait_ps",
        "portrait",
        ("#dee2e6", "#adb5bd", "#264653"),
        "Paul Seidel, Sportredakteur",
        "Porträt von Paul Seidel",
        photographer="Lukas Thiele",
        variant="short",
        portrait=True,
    ),
]

# Bodies use a tiny markup, one block per paragraph (blank lines between blocks):
# "## " a subheading, "> " a block quote, "- " and "1. " list items (an item may continue on
# the next line), anything else a paragraph. Inline HTML (<strong>, <em>, <a>) is kept.
ARTICLES = [
    # --- Leipzig ---
    DemoArticle(
        key="tram",
        section="leipzig",
        kicker="Stadtrat Leipzig",
        headline="Straßenbahn-Ausbau in den Süden kommt zwei Jahre früher",
        lead=(
            "Leipzig bekommt seine neue Straßenbahnlinie nach Markkleeberg früher als erwartet. "
            "Der Stadtrat hat die Planung am Mittwochabend beschleunigt, gebaut werden soll "
            "bereits im kommenden Frühjahr."
        ),
        bullets=[
            "Der Stadtrat hat den Ausbau mit großer Mehrheit beschlossen",
            "Baubeginn ist bereits im kommenden Frühjahr",
            "Anwohner kritisieren die Lärmbelastung",
        ],
        image="tram",
        authors=["mm"],
        tags=["Leipzig", "Stadtrat", "Verkehrswende", "Nahverkehr"],
        related=["haushalt", "radwege", "lvb_preise"],
        updated=True,
        body="""
        Die neue Linie soll den Süden der Stadt zwei Jahre früher anbinden als bislang geplant.
        Möglich wird das, weil Bund und Freistaat einen größeren Teil der Kosten übernehmen als
        ursprünglich zugesagt.

        ## Was der Beschluss für Pendler bedeutet

        Wer heute aus Markkleeberg in die Innenstadt fährt, steigt meist zweimal um. Mit der
        neuen Strecke soll die Fahrt zum Hauptbahnhof nur noch <strong>22 Minuten</strong>
        dauern. Die Verkehrsbetriebe rechnen mit bis zu 14.000 Fahrgästen am Tag.

        - „Wir haben lange genug geplant“, sagte die Bürgermeisterin für Stadtentwicklung.
        - „Jetzt wird gebaut.“

        ## Kritik aus den Ortsteilen

        Anwohner in Connewitz und Dölitz fürchten monatelange Sperrungen und Lärm. Die Stadt
        will deshalb nachts nur in Ausnahmefällen bauen lassen und eine
        <em>Baustellen-Hotline</em> einrichten.

        Alle Vorlagen zum Beschluss sind im
        <a href="https://ratsinformation.leipzig.de/">Ratsinformationssystem der Stadt</a>
        einsehbar.
        """,
    ),
    DemoArticle(
        key="haushalt",
        section="leipzig",
        kicker="Stadtfinanzen",
        headline="Wo die Stadt Leipzig in den nächsten zwei Jahren sparen will",
        lead=(
            "Der Finanzbürgermeister legt einen Sparhaushalt vor: Bei Verwaltung, Kultur und "
            "Sport sollen in zwei Jahren rund 120 Millionen Euro eingespart werden. Schulen und "
            "Kitas nimmt die Stadt ausdrücklich aus."
        ),
        bullets=[
            "Rund 120 Millionen Euro sollen in zwei Jahren eingespart werden",
            "Schulbau und Kitas bleiben von den Kürzungen verschont",
            "Die freie Kulturszene fürchtet um ihre Förderung",
            "Der Stadtrat soll im kommenden Monat entscheiden",
        ],
        image="rathaus",
        authors=["mm", "rut"],
        tags=["Leipzig", "Stadtrat", "Haushalt"],
        related=["tram", "baeder"],
        body="""
        Der Entwurf, den die Verwaltung am Dienstag vorgestellt hat, sieht Einsparungen in fast
        allen Dezernaten vor. Grund sind sinkende Gewerbesteuereinnahmen und steigende
        Sozialausgaben, die der Stadt nach eigenen Angaben
        <strong>jedes Jahr ein Loch von mehr als 60 Millionen Euro</strong> bescheren.

        ## Wo gespart werden soll

        1. Stellen in der Verwaltung werden nicht nachbesetzt, wenn Mitarbeitende in Rente gehen.
        2. Zuschüsse für Vereine und freie Träger werden um fünf Prozent gekürzt.
        3. Sanierungen von Sportanlagen werden um ein bis zwei Jahre verschoben.

        ## Kritik aus Kultur und Sport

        Die freie Kulturszene reagierte empört. Gerade kleine Häuser könnten Kürzungen nicht
        auffangen, hieß es vom Netzwerk freier Theater.

        - „Wer hier fünf Prozent streicht, streicht ganze Projekte“, sagte eine Sprecherin.
        - „Das trifft am Ende die Stadtteile, nicht die Leuchttürme.“

        Der Finanzbürgermeister verteidigte den Entwurf: Ohne Einschnitte drohe ein Haushalt,
        den die Landesdirektion <em>nicht genehmigen</em> würde.
        """,
    ),
    DemoArticle(
        key="radwege",
        section="leipzig",
        kicker="Verkehrswende",
        headline="Wie andere Städte ihre Radwege-Netze ausbauen",
        lead=(
            "Leipzig will in den kommenden Jahren ein durchgehendes Netz aus Radvorrangrouten "
            "schaffen. Ein Blick nach Kopenhagen, Münster und Karlsruhe zeigt, was funktioniert "
            "– und was nicht."
        ),
        bullets=[
            "Kopenhagen setzt auf breite, baulich getrennte Radwege",
            "Münster und Karlsruhe bauen vor allem Fahrradstraßen",
            "Leipzig plant 13 Radvorrangrouten quer durch die Stadt",
        ],
        image="innenstadt",
        caption="Abends in der Leipziger Innenstadt: Die Stadt will das Radnetz deutlich ausbauen.",
        authors=["rut"],
        tags=["Verkehrswende", "Radverkehr", "Leipzig"],
        related=["tram"],
        body="""
        Wer in Kopenhagen Rad fährt, merkt schnell den Unterschied: Die meisten Radwege sind
        durch einen Bordstein von Fahrbahn und Gehweg getrennt und so breit, dass zwei Räder
        bequem nebeneinander passen.

        ## Kopenhagen: Platz statt Farbe

        Die dänische Hauptstadt hat über Jahrzehnte konsequent Parkplätze in Radwege
        umgewandelt. Heute legen dort mehr Menschen ihren Weg zur Arbeit mit dem Rad zurück als
        mit dem Auto.

        ## Münster und Karlsruhe: Fahrradstraßen

        In Deutschland sind <strong>Fahrradstraßen</strong> das Mittel der Wahl: Autos dürfen
        sie nutzen, Räder haben aber Vorrang. Karlsruhe schneidet im Fahrradklima-Test des
        <a href="https://fahrradklima-test.adfc.de/">ADFC</a> seit Jahren gut ab.

        - „Entscheidend ist, dass die Routen lückenlos sind“, sagt ein Verkehrsplaner.
        - „Ein Netz ist nur so gut wie seine schlechteste Kreuzung.“
        """,
    ),
    DemoArticle(
        key="baeder",
        section="leipzig",
        kicker="Sportbäder",
        headline="Schwimmhalle in Grünau schließt für anderthalb Jahre",
        lead=(
            "Die Schwimmhalle in Grünau muss grundlegend saniert werden. Schulen und Vereine "
            "müssen ausweichen, die Sportbäder versprechen zusätzliche Bahnzeiten in anderen "
            "Hallen."
        ),
        bullets=[
            "Die Sanierung dauert voraussichtlich 18 Monate",
            "Das Schulschwimmen wird auf andere Hallen verteilt",
        ],
        image="baustelle",
        authors=["rut"],
        tags=["Leipzig", "Schwimmen", "Sanierung"],
        related=["haushalt"],
        body="""
        Undichte Leitungen, eine veraltete Lüftung und Risse im Beckenboden: Ein Gutachten hatte
        gravierende Mängel festgestellt. Eine Reparatur bei laufendem Betrieb sei nicht möglich,
        teilten die Sportbäder mit.

        ## Was Familien wissen müssen

        Das öffentliche Schwimmen entfällt ab Montag. Jahreskarten behalten ihre Gültigkeit und
        können in allen anderen Hallen genutzt werden.

        - Schulklassen weichen in die Schwimmhalle Nord und ins Sportbad an der Elster aus.
        - Vereine bekommen Zeiten am späten Abend und am Wochenende.

        Die Kosten schätzt die Stadt auf <strong>rund 14 Millionen Euro</strong>; ein Teil soll
        aus einem Förderprogramm des Bundes kommen.
        """,
    ),
    DemoArticle(
        key="wohnungen",
        section="leipzig",
        kicker="Wohnungsmarkt",
        headline="Leipziger Mieten steigen langsamer als in Dresden",
        lead=(
            "Neue Mietverträge in Leipzig sind im vergangenen Jahr im Schnitt um 4,8 Prozent "
            "teurer geworden. In Dresden lag das Plus bei 6,1 Prozent, wie eine Auswertung von "
            "Wohnungsinseraten zeigt."
        ),
        bullets=[
            "Angebotsmieten in Leipzig im Schnitt bei 8,40 Euro pro Quadratmeter",
            "Der stärkste Anstieg in Plagwitz und Lindenau",
            "Der Mieterverein fordert mehr sozialen Wohnungsbau",
        ],
        image="baustelle",
        caption="Neubau im Leipziger Westen: Hier steigen die Mieten besonders stark.",
        authors=["tk"],
        tags=["Leipzig", "Wohnen", "Mieten"],
        related=["haushalt", "ob_wahl"],
        body="""
        Die Auswertung stützt sich auf rund 20.000 Inserate aus beiden Städten. Bestandsmieten,
        also laufende Verträge, sind darin nicht enthalten – sie steigen deutlich langsamer.

        ## Der Westen zieht an

        Besonders gefragt sind Wohnungen in Plagwitz, Lindenau und Schleußig. Dort werden für
        sanierte Altbauwohnungen inzwischen regelmäßig mehr als
        <strong>zwölf Euro pro Quadratmeter</strong> verlangt.

        - „Für Familien mit mittlerem Einkommen wird es im Westen schwierig“, sagte die
          Geschäftsführerin des Mietervereins.
        - „Wir brauchen mehr Sozialwohnungen, und zwar schnell.“
        """,
    ),
    DemoArticle(
        key="auwald",
        section="leipzig",
        kicker="Umwelt",
        headline="Trockenheit setzt dem Leipziger Auwald stärker zu als gedacht",
        lead=(
            "Jeder vierte Baum im Leipziger Auwald zeigt deutliche Schäden. Forschende warnen: "
            "Ohne mehr Wasser droht der Auenwald seinen Charakter zu verlieren."
        ),
        bullets=[
            "Jeder vierte Baum zeigt deutliche Trockenschäden",
            "Besonders betroffen sind Eschen und alte Stieleichen",
            "Die Stadt will alte Flutrinnen wieder mit Wasser versorgen",
        ],
        image="auwald",
        authors=["fl", "rut"],
        tags=["Leipzig", "Auwald", "Klimawandel", "Umwelt"],
        related=["klima", "pflanzen"],
        body="""
        Für die Studie haben die Forschenden über drei Jahre mehr als 800 Bäume vermessen,
        Baumkronen mit Drohnen fotografiert und den Grundwasserstand beobachtet.

        ## Zu wenig Wasser in der Aue

        Ein Auenwald lebt von regelmäßigen Überschwemmungen. Doch Deiche und begradigte Flüsse
        halten das Wasser seit Jahrzehnten fern – und die trockenen Sommer der vergangenen Jahre
        haben das Problem verschärft.

        > Der Auwald ist ein Wald, der nasse Füße braucht. Die hat er seit Jahren nicht mehr.

        Die Stadt plant, alte Flutrinnen wieder an die Flüsse anzuschließen. Ein erstes Projekt
        an der Burgaue soll nach Angaben des Amts für Umweltschutz <em>im kommenden Jahr</em>
        starten.
        """,
    ),
    DemoArticle(
        key="waffenverbot",
        section="leipzig",
        kicker="Sicherheit",
        headline="Stadt prüft Waffenverbotszone rund um den Hauptbahnhof",
        lead=(
            "Nach mehreren Messerangriffen will die Stadt rund um den Hauptbahnhof das Tragen "
            "von Messern verbieten. Die Polizei begrüßt den Vorstoß, Sozialverbände sind "
            "skeptisch."
        ),
        bullets=[
            "Das Verbot soll für Messer und Reizgas gelten",
            "Die Polizei soll ohne Verdacht kontrollieren dürfen",
            "Sozialverbände warnen vor Verdrängung",
        ],
        image="innenstadt",
        authors=["mm"],
        tags=["Leipzig", "Polizei", "Sicherheit"],
        related=["tram"],
        body="""
        Eine ähnliche Zone gibt es bereits seit Jahren in der Eisenbahnstraße. Ob sie die Zahl
        der Gewalttaten gesenkt hat, ist umstritten; eine Auswertung der Polizei steht noch aus.

        ## Was genau verboten werden soll

        - Messer mit einer Klingenlänge von mehr als vier Zentimetern
        - Schlagstöcke, Reizgas und Schreckschusswaffen
        - Ausnahmen gelten für Handwerk und Gastronomie

        ## Kritik von Sozialverbänden

        - „Eine Verbotszone löst keine sozialen Probleme“, sagte ein Sprecher der Diakonie.
        - „Die Menschen verschwinden nicht, sie gehen nur zwei Straßen weiter.“
        """,
    ),
    DemoArticle(
        key="flughafen",
        section="leipzig",
        kicker="Flughafen Leipzig/Halle",
        headline="Anwohner reichen neue Klage gegen Nachtflüge ein",
        lead=(
            "Eine Bürgerinitiative aus Schkeuditz zieht erneut vor Gericht. Sie will erreichen, "
            "dass zwischen Mitternacht und fünf Uhr deutlich weniger Frachtmaschinen starten und "
            "landen."
        ),
        bullets=[
            "Die Bürgerinitiative klagt vor dem Oberverwaltungsgericht",
            "Im Schnitt mehr als 60 Flugbewegungen pro Nacht",
        ],
        authors=["tk"],
        tags=["Flughafen", "Lärmschutz", "Schkeuditz"],
        related=["frachtdrehkreuz", "clubs"],
        body="""
        Der Flughafen ist eines der größten Frachtdrehkreuze Europas und einer der wichtigsten
        Arbeitgeber der Region. Für die Anwohner in den umliegenden Orten bedeutet das vor allem
        eines: Lärm, Nacht für Nacht.

        ## Streit um den Lärmschutz

        Die Initiative beruft sich auf neue Messungen, nach denen die Grenzwerte in mehreren
        Ortsteilen regelmäßig überschritten werden. Die Flughafengesellschaft weist das zurück
        und verweist auf ihr <strong>Schallschutzprogramm</strong>, mit dem mehr als 10.000
        Wohnungen bessere Fenster bekommen haben.

        - „Wir sind nicht gegen den Flughafen, wir wollen schlafen“, sagte die Sprecherin der
          Initiative.
        """,
    ),
    DemoArticle(
        key="lvb_preise",
        section="leipzig",
        kicker="Nahverkehr",
        headline="Einzelfahrschein in Leipzig soll 3,80 Euro kosten",
        lead=(
            "Der Verkehrsverbund will die Preise zum Fahrplanwechsel erneut erhöhen. Das "
            "Deutschlandticket ist davon nicht betroffen."
        ),
        bullets=[
            "Der Einzelfahrschein soll 20 Cent teurer werden",
            "Monatskarten im Abo steigen um vier Prozent",
        ],
        image="tram",
        authors=["mm"],
        tags=["Leipzig", "Nahverkehr"],
        related=["tram"],
        status=DRAFT,
        body="""
        Die Erhöhung muss noch vom Aufsichtsrat bestätigt werden.
        <em>Zahlen bitte vor der Veröffentlichung mit dem Verkehrsverbund abgleichen.</em>

        ## Was teurer wird

        Einzelfahrscheine, Vierfahrtenkarten und Monatskarten im Abo.
        """,
    ),
    DemoArticle(
        key="ob_wahl",
        section="leipzig",
        kicker="Oberbürgermeisterwahl",
        headline="Drei Kandidaten, ein Thema: Wie Leipzig bezahlbar bleiben soll",
        lead=(
            "Wohnen, Nahverkehr, Kitaplätze: Die drei aussichtsreichsten Bewerber um das Amt des "
            "Oberbürgermeisters haben uns ihre Pläne erklärt. Ein Überblick vor dem ersten "
            "Wahlgang."
        ),
        bullets=[
            "Alle drei wollen mehr städtische Wohnungen bauen",
            "Streit gibt es über die Preise im Nahverkehr",
            "Der erste Wahlgang ist in drei Wochen",
        ],
        image="rathaus",
        caption="Das Neue Rathaus: Hier zieht bald ein neuer Oberbürgermeister ein.",
        authors=["mm", "rut", ("ad", "Politikredakteurin")],
        tags=["Leipzig", "Oberbürgermeisterwahl", "Wohnen"],
        related=["wohnungen", "haushalt", "tram"],
        status=SCHEDULED,
        publish_in_hours=9,
        body="""
        Wir haben allen drei Bewerbern dieselben Fragen gestellt. Die Antworten sind gekürzt.

        ## Wohnen

        Alle drei wollen, dass die städtische Wohnungsbaugesellschaft deutlich mehr baut.
        Unterschiede gibt es beim Tempo und bei der Frage, ob die Stadt dafür neue Schulden
        aufnehmen soll.

        ## Nahverkehr

        - „Ein 365-Euro-Ticket für alle Leipziger ist finanzierbar“, sagt einer der Kandidaten.
        - „Erst muss das Netz wachsen, dann können die Preise sinken“, hält ein anderer dagegen.

        ## Kitas und Schulen

        Einig sind sich alle drei darin, dass der Schulbau <strong>Vorrang</strong> hat.
        """,
    ),
    DemoArticle(
        key="zoo",
        section="leipzig",
        headline="Nachwuchs bei den Amurtigern im Zoo Leipzig",
        lead=(
            "Im Zoo Leipzig sind zwei Amurtiger zur Welt gekommen. Die Jungtiere sind nach "
            "Angaben der Tierärzte gesund und bleiben vorerst mit ihrer Mutter in der Wurfbox."
        ),
        bullets=[
            "Zwei Jungtiere, ein Männchen und ein Weibchen",
            "Besucher können die Tiger frühestens in einigen Wochen sehen",
        ],
        authors=["rut"],
        tags=["Zoo Leipzig", "Tiere", "Leipzig"],
        body="""
        Die Geburt ist ein Erfolg für das Europäische Erhaltungszuchtprogramm: Amurtiger gelten
        als stark gefährdet, in freier Wildbahn leben nur noch wenige Hundert Tiere im Osten
        Russlands und im Nordosten Chinas.

        ## Wann Besucher die Tiger sehen können

        Die ersten Wochen verbringen die Jungtiere ungestört mit der Mutter. Über eine Kamera in
        der Wurfbox behalten die Pflegerinnen sie im Blick.

        - „Die Mutter kümmert sich vorbildlich“, sagte die Kuratorin.
        - „Wir halten uns im Moment bewusst zurück.“
        """,
    ),
    # --- Politik ---
    DemoArticle(
        key="landtag_haushalt",
        section="politik",
        kicker="Landtag Sachsen",
        headline="Minderheitsregierung bringt Doppelhaushalt knapp durch",
        lead=(
            "Nach wochenlangen Verhandlungen hat der Sächsische Landtag den Doppelhaushalt "
            "beschlossen. Die Minderheitsregierung war dafür auf Stimmen aus der Opposition "
            "angewiesen."
        ),
        bullets=[
            "Der Haushalt umfasst rund 50 Milliarden Euro für zwei Jahre",
            "Die Kommunen bekommen mehr Geld für Schulen und Kitas",
            "Die Regierung war auf Stimmen der Opposition angewiesen",
        ],
        image="landtag",
        authors=[("ad", "Landtagskorrespondentin")],
        tags=["Sachsen", "Landtag", "Haushalt"],
        related=["kommentar", "kommunen"],
        updated=True,
        body="""
        Die Abstimmung am Donnerstagabend war bis zuletzt offen. Am Ende stimmten 64 Abgeordnete
        für den Etat, 54 dagegen, zwei enthielten sich.

        ## Was der Kompromiss enthält

        1. Mehr Geld für die Kommunen, vor allem für Schulbau und Kitas
        2. Ein Sonderprogramm für Krankenhäuser im ländlichen Raum
        3. Kürzungen bei Förderprogrammen, die kaum abgerufen wurden

        ## Reaktionen

        - „Sachsen hat gezeigt, dass es auch ohne eigene Mehrheit regierbar ist“, sagte der
          Ministerpräsident.
        - „Wir haben zugestimmt, weil die Kommunen das Geld brauchen – nicht aus Begeisterung“,
          hieß es aus der Opposition.

        Den vollständigen Haushaltsplan veröffentlicht das
        <a href="https://www.finanzen.sachsen.de/">Finanzministerium</a> auf seiner Website.
        """,
    ),
    DemoArticle(
        key="rente",
        section="politik",
        kicker="Rentenpaket",
        headline="Bundestag beschließt stabiles Rentenniveau nach langem Streit",
        lead=(
            "Das Rentenniveau soll bis zum Ende des Jahrzehnts nicht unter 48 Prozent sinken. "
            "Der Bundestag hat das umstrittene Rentenpaket mit der Mehrheit der Koalition "
            "verabschiedet."
        ),
        bullets=[
            "Das Rentenniveau bleibt bei mindestens 48 Prozent",
            "Die Beiträge steigen in den kommenden Jahren schrittweise",
            "Junge Abgeordnete hatten lange Widerstand angekündigt",
            "Der Bundesrat muss noch zustimmen",
        ],
        image="bundestag",
        authors=["ja"],
        tags=["Bundestag", "Rente", "Sozialpolitik"],
        related=["kommunen"],
        body="""
        Der Abstimmung war ein wochenlanger Streit innerhalb der Koalition vorausgegangen. Vor
        allem jüngere Abgeordnete hatten kritisiert, dass die Kosten der Reform vor allem von
        künftigen Generationen getragen würden.

        ## Was sich für Rentner ändert

        Für heutige Rentnerinnen und Rentner ändert sich zunächst wenig: Die Renten steigen
        weiter mit den Löhnen. Die Reform verhindert vor allem, dass das Niveau in den kommenden
        Jahren sinkt.

        ## Wer die Kosten trägt

        Der Beitragssatz zur Rentenversicherung soll schrittweise steigen. Hinzu kommen
        <strong>höhere Zuschüsse aus dem Bundeshaushalt</strong>.

        - „Wer ein Leben lang gearbeitet hat, muss sich auf die Rente verlassen können“, sagte
          die Arbeitsministerin.
        - „Das ist nicht generationengerecht“, hieß es aus der Opposition.
        """,
    ),
    DemoArticle(
        key="ukraine",
        section="politik",
        kicker="Ukraine-Krieg",
        headline="Kiew meldet schwere Drohnenangriffe auf Energieanlagen",
        lead=(
            "Russland hat in der Nacht erneut die ukrainische Energieversorgung angegriffen. In "
            "mehreren Regionen fiel der Strom aus, Kiew spricht von einem der schwersten "
            "Angriffe seit Monaten."
        ),
        bullets=[
            "Mehr als 100 Drohnen und mehrere Raketen in einer Nacht",
            "Stromausfälle in Kiew, Charkiw und Odessa",
        ],
        authors=[("mm", "Nachrichtenredakteurin")],
        tags=["Ukraine-Krieg", "Russland", "Energie"],
        related=["nordkorea"],
        body="""
        Nach Angaben der ukrainischen Luftwaffe wurden mehr als 100 Drohnen und sieben Raketen
        abgefeuert. Die meisten seien abgefangen worden. Dennoch wurden mehrere Umspannwerke und
        ein Wärmekraftwerk beschädigt.

        ## Notstrom in Krankenhäusern

        In Kiew liefen Krankenhäuser zeitweise mit Generatoren. Der Netzbetreiber kündigte
        stundenweise Abschaltungen an, um das Netz zu stabilisieren.

        - „Russland führt einen Krieg gegen die Zivilbevölkerung“, erklärte der ukrainische
          Präsident.

        <em>Mit Material der Nachrichtenagenturen dpa und AFP.</em>
        """,
    ),
    DemoArticle(
        key="nordkorea",
        section="politik",
        kicker="Nordkorea",
        headline="Pjöngjang testet erneut eine ballistische Rakete",
        lead=(
            "Nordkorea hat nach Angaben des südkoreanischen Militärs erneut eine ballistische "
            "Rakete abgefeuert. Sie stürzte nach rund 40 Minuten Flug außerhalb der japanischen "
            "Wirtschaftszone ins Meer."
        ),
        bullets=[
            "Die Rakete flog rund 40 Minuten",
            "Japan und Südkorea berufen ihre Sicherheitsräte ein",
            "UN-Resolutionen verbieten Nordkorea solche Tests",
        ],
        authors=["ja"],
        tags=["Nordkorea", "Südkorea", "Japan"],
        related=["ukraine"],
        body="""
        Es ist bereits der dritte Test innerhalb weniger Wochen. Fachleute gehen davon aus, dass
        Nordkorea an einer Rakete mit größerer Reichweite arbeitet.

        ## Reaktionen aus Seoul und Tokio

        - „Das ist eine ernste Provokation“, sagte ein Sprecher des südkoreanischen
          Generalstabs.
        - „Wir stimmen uns eng mit unseren Verbündeten ab.“

        Der UN-Sicherheitsrat soll sich nach Angaben von Diplomaten
        <strong>noch in dieser Woche</strong> mit dem Test befassen.
        """,
    ),
    DemoArticle(
        key="kommunen",
        section="politik",
        kicker="Kommunalfinanzen",
        headline="Sächsische Landkreise fordern mehr Geld vom Freistaat",
        lead=(
            "Die zehn Landkreise in Sachsen schlagen Alarm: Steigende Sozialausgaben fressen "
            "ihre Haushalte auf. Der Landkreistag verlangt einen größeren Anteil an den "
            "Steuereinnahmen des Landes."
        ),
        bullets=[
            "Alle zehn Landkreise erwarten ein Defizit",
            "Der Landkreistag fordert 300 Millionen Euro mehr pro Jahr",
        ],
        image="landtag",
        caption="Der Landtag in Dresden: Hier wird über das Geld für die Kommunen entschieden.",
        authors=["ad"],
        tags=["Sachsen", "Kommunen", "Haushalt"],
        related=["landtag_haushalt", "haushalt"],
        body="""
        Nach einer Umfrage des Landkreistags rechnen alle zehn Landkreise im laufenden Jahr mit
        einem Defizit. Zusammen fehlen ihnen mehr als 400 Millionen Euro.

        ## Woher die Lücke kommt

        - Höhere Kosten für Eingliederungshilfe und Hilfe zur Pflege
        - Tarifsteigerungen im öffentlichen Dienst
        - Teurere Bauprojekte, vor allem bei Schulen

        > Wir können nicht länger Aufgaben erfüllen, die Bund und Land beschließen, ohne dafür
        > das Geld zu bekommen.

        Das sagte der Präsident des Landkreistags bei der Vorstellung der Zahlen in Dresden.
        """,
    ),
    DemoArticle(
        key="kommentar",
        section="politik",
        kicker="Kommentar",
        headline="Der Doppelhaushalt ist ein Kompromiss – und das ist gut so",
        lead=(
            "Sachsen hat einen Haushalt, obwohl die Regierung keine eigene Mehrheit hat. Das ist "
            "kein Zeichen von Schwäche, sondern von politischer Reife."
        ),
        bullets=["Die Minderheitsregierung hat bewiesen, dass sie Mehrheiten findet"],
        authors=["kw"],
        tags=["Sachsen", "Landtag", "Kommentar"],
        related=["landtag_haushalt"],
        body="""
        Wochenlang sah es so aus, als würde Sachsen ohne Haushalt ins neue Jahr gehen. Dass es
        anders kam, ist zunächst einmal eine gute Nachricht – für Schulen, Kommunen und alle,
        die auf Fördergeld warten.

        ## Kompromiss ist kein Schimpfwort

        Natürlich ist der Etat ein Flickwerk. Aber genau so funktioniert Demokratie, wenn keine
        Partei allein regieren kann: Man redet, man gibt nach, man einigt sich.
        <em>Das ist anstrengend, aber es ist nicht schlecht.</em>

        Die Opposition hat Verantwortung übernommen, ohne ihre Kritik aufzugeben. Die Regierung
        hat gelernt, dass sie zuhören muss. <strong>Beides sollte Schule machen.</strong>
        """,
    ),
    # --- Wirtschaft ---
    DemoArticle(
        key="leuna",
        section="wirtschaft",
        kicker="Chemieindustrie",
        headline="Zulieferer im Chemiepark Leuna streicht 300 Stellen",
        lead=(
            "Hohe Energiepreise und eine schwache Nachfrage setzen der Chemieindustrie in "
            "Mitteldeutschland zu. Ein Zulieferer im Chemiepark Leuna will bis Ende kommenden "
            "Jahres 300 Arbeitsplätze abbauen."
        ),
        bullets=[
            "300 von 1.100 Stellen sollen wegfallen",
            "Betriebsbedingte Kündigungen sind nicht ausgeschlossen",
            "Die Gewerkschaft kündigt Widerstand an",
        ],
        image="industrie",
        authors=["tk"],
        tags=["Chemieindustrie", "Sachsen-Anhalt", "Arbeitsmarkt", "Energiepreise"],
        related=["inflation", "solar", "handwerk"],
        body="""
        Das Unternehmen stellt Vorprodukte für Kunststoffe und Lacke her. Nach eigenen Angaben
        sind die Energiekosten am Standort doppelt so hoch wie vor fünf Jahren, während die
        Aufträge aus der Autoindustrie zurückgehen.

        ## Gewerkschaft will kämpfen

        Die IG BCE kündigte an, um jeden Arbeitsplatz zu kämpfen. Für Freitag ist eine
        Betriebsversammlung angesetzt.

        - „Die Beschäftigten haben die Krise nicht verursacht“, sagte der Bezirksleiter.
        - „Jetzt sollen sie die Rechnung bezahlen.“

        ## Sorge um den Standort

        Der Chemiepark mit rund 12.000 Beschäftigten gilt als
        <strong>industrielles Herz der Region</strong>. Die Landesregierung in Magdeburg will
        sich für einen günstigeren Industriestrompreis einsetzen.
        """,
    ),
    DemoArticle(
        key="inflation",
        section="wirtschaft",
        kicker="Verbraucherpreise",
        headline="Inflation in Sachsen sinkt auf 2,1 Prozent",
        lead=(
            "Die Preise in Sachsen steigen langsamer. Vor allem Energie ist günstiger geworden, "
            "Lebensmittel und Dienstleistungen bleiben dagegen teuer, wie das Statistische "
            "Landesamt mitteilt."
        ),
        bullets=[
            "Die Inflationsrate sinkt von 2,4 auf 2,1 Prozent",
            "Heizöl und Kraftstoffe sind deutlich billiger als vor einem Jahr",
            "Butter, Kaffee und Schokolade werden weiter teurer",
            "Dienstleistungen ziehen überdurchschnittlich an",
        ],
        image="chart",
        authors=["sb"],
        tags=["Inflation", "Sachsen", "Verbraucher"],
        related=["boerse", "leuna"],
        body="""
        Im Vormonat hatte die Teuerung noch bei 2,4 Prozent gelegen. Bundesweit lag die Rate
        zuletzt bei 2,2 Prozent.

        ## Was billiger und was teurer wurde

        - Heizöl: minus 9,8 Prozent
        - Kraftstoffe: minus 4,1 Prozent
        - Butter: plus 18,2 Prozent
        - Kaffee: plus 12,5 Prozent

        Die vollständigen Zahlen stehen beim
        <a href="https://www.statistik.sachsen.de/">Statistischen Landesamt</a>.

        ## Was Ökonomen erwarten

        - „Der Rückgang bei der Energie überdeckt, dass viele Preise hartnäckig bleiben“, sagte
          ein Ökonom des Ifo-Instituts in Dresden.
        """,
    ),
    DemoArticle(
        key="autozulieferer",
        section="wirtschaft",
        kicker="Autoindustrie",
        headline="Zulieferer in Westsachsen hoffen auf Aufträge für Elektroautos",
        lead=(
            "Rund um Zwickau hängen Zehntausende Jobs an der Autoindustrie. Viele Zulieferer "
            "haben ihre Produktion umgestellt – und warten nun auf die großen Aufträge."
        ),
        bullets=[
            "Rund 80.000 Beschäftigte in der sächsischen Autoindustrie",
            "Viele Betriebe arbeiten derzeit kurz",
            "Der Branchenverband fordert Planungssicherheit",
        ],
        image="industrie",
        caption="Werk in Westsachsen: Viele Zulieferer fertigen inzwischen Teile für E-Autos.",
        authors=["tk", "sb"],
        tags=["Autoindustrie", "Elektromobilität", "Sachsen"],
        related=["leuna", "handwerk"],
        body="""
        In einer Halle am Stadtrand von Zwickau stehen neue Maschinen für Batteriegehäuse.
        Laufen tun sie an diesem Vormittag nicht: Der Betrieb hat Kurzarbeit angemeldet.

        ## Umgestellt und ausgebremst

        Viele Zulieferer haben in den vergangenen Jahren viel Geld investiert, um Teile für
        Elektroautos zu fertigen. Doch die Nachfrage wächst langsamer als erhofft.

        - „Wir haben alles richtig gemacht und stehen trotzdem schlecht da“, sagt der
          Geschäftsführer.
        - „Was uns fehlt, ist Planungssicherheit.“

        Der Branchenverband fordert deshalb ein verlässliches Förderprogramm für
        <em>kleine und mittlere</em> Betriebe.
        """,
    ),
    DemoArticle(
        key="solar",
        section="wirtschaft",
        kicker="Energiewende",
        headline="Größter Solarpark Mitteldeutschlands geht bei Leipzig ans Netz",
        lead=(
            "Auf einer ehemaligen Tagebaufläche südlich von Leipzig liefern seit dieser Woche "
            "rund 1,2 Millionen Solarmodule Strom. Der Park soll rechnerisch 200.000 Haushalte "
            "versorgen."
        ),
        bullets=[
            "Rund 1,2 Millionen Module auf 500 Hektar",
            "Strom für rechnerisch 200.000 Haushalte",
            "Ein Großspeicher soll folgen",
        ],
        image="solar",
        authors=["tk"],
        tags=["Energiewende", "Solarenergie", "Leipzig"],
        related=["leuna", "klima"],
        body="""
        Wo bis in die Neunzigerjahre Braunkohle gefördert wurde, reihen sich heute Modulreihen
        bis zum Horizont. Der Betreiber hat nach eigenen Angaben rund 400 Millionen Euro
        investiert.

        ## Strukturwandel im Revier

        Für die Region ist der Park ein Symbol. Die Kohle hat jahrzehntelang Arbeit und
        Wohlstand gebracht, aber auch ganze Dörfer verschwinden lassen.

        - „Hier entsteht die Energie der Zukunft auf dem Boden der Vergangenheit“, sagte der
          Ministerpräsident bei der Eröffnung.
        - „Jetzt müssen die Netze mithalten.“

        ## Was noch fehlt

        Um Strom auch nachts liefern zu können, plant der Betreiber einen
        <strong>Batteriespeicher mit 300 Megawattstunden</strong>.
        """,
    ),
    DemoArticle(
        key="handwerk",
        section="wirtschaft",
        kicker="Fachkräfte",
        headline="Sachsens Handwerk sucht Tausende Lehrlinge",
        lead=(
            "In Sachsen sind noch mehr als 2.000 Ausbildungsplätze im Handwerk unbesetzt. Die "
            "Kammern werben mit Praktika und höheren Vergütungen um Schulabgänger."
        ),
        bullets=[
            "Mehr als 2.000 Lehrstellen sind unbesetzt",
            "Am gefragtesten sind Elektroniker und Anlagenmechaniker",
        ],
        image="baustelle",
        authors=["rut"],
        tags=["Handwerk", "Ausbildung", "Fachkräfte"],
        related=["leuna", "autozulieferer"],
        body="""
        Besonders schwierig ist die Lage bei Bäckereien, Fleischereien und auf dem Bau. Dort
        bleibt nach Angaben der Handwerkskammer fast jede dritte Stelle frei.

        ## Werben um Schulabgänger

        1. Schnupperpraktika in den Ferien
        2. Höhere Vergütungen schon im ersten Lehrjahr
        3. Zuschüsse für den Führerschein

        - „Wer heute eine Lehre im Handwerk macht, hat morgen einen sicheren Job“, sagte der
          Präsident der Kammer.
        """,
    ),
    DemoArticle(
        key="boerse",
        section="wirtschaft",
        headline="Dax schließt nach Zinssignalen aus den USA im Plus",
        lead=(
            "Der deutsche Leitindex hat den Handelstag mit einem Gewinn von 1,2 Prozent beendet. "
            "Anleger setzten auf sinkende Zinsen in den USA."
        ),
        bullets=["Der Dax gewinnt 1,2 Prozent"],
        image="chart",
        authors=["sb"],
        tags=["Börse", "Dax", "Zinsen"],
        related=["inflation"],
        body="""
        Auslöser waren Äußerungen aus der US-Notenbank, die an den Märkten als Hinweis auf eine
        baldige Zinssenkung verstanden wurden.

        ## Gewinner und Verlierer

        Gefragt waren vor allem Immobilien- und Technologiewerte. Autowerte blieben dagegen
        hinter dem Markt zurück.

        <em>Dieser Text ist keine Anlageberatung.</em>
        """,
    ),
    DemoArticle(
        key="frachtdrehkreuz",
        section="wirtschaft",
        kicker="Logistik",
        headline="Frachtdrehkreuz am Flughafen plant 500 neue Jobs",
        lead=(
            "Am Flughafen Leipzig/Halle soll eine weitere Sortieranlage für Pakete entstehen. "
            "Der Betreiber spricht von 500 neuen Arbeitsplätzen."
        ),
        bullets=["500 neue Arbeitsplätze geplant"],
        authors=["tk"],
        tags=["Flughafen", "Logistik", "Arbeitsmarkt"],
        related=["flughafen"],
        status=DRAFT,
        body="""
        Die Pläne wurden am Mittwoch im Wirtschaftsausschuss vorgestellt.
        <em>Stellungnahme der Stadt Schkeuditz steht noch aus.</em>
        """,
    ),
    # --- Kultur ---
    DemoArticle(
        key="gewandhaus",
        section="kultur",
        kicker="Gewandhaus",
        headline="Standing Ovations für Mahlers Neunte",
        lead=(
            "Mit Gustav Mahlers neunter Sinfonie hat das Gewandhausorchester einen der großen "
            "Abende der Saison gefeiert. Das Publikum dankte mit minutenlangem Applaus."
        ),
        bullets=[
            "Das Gewandhausorchester spielt Mahlers Neunte",
            "Minutenlanger Applaus im ausverkauften Großen Saal",
        ],
        image="konzert",
        authors=["lh"],
        tags=["Gewandhaus", "Klassik", "Konzert"],
        related=["interview", "museum"],
        body="""
        Es gibt Werke, nach denen man nicht sofort klatschen möchte. Mahlers Neunte ist so eines.
        Als der letzte Ton des Adagios verklungen war, blieb es im Großen Saal fast eine Minute
        lang still.

        ## Ein Abschied in vier Sätzen

        Mahler schrieb die Sinfonie in seinen letzten Lebensjahren, uraufgeführt wurde sie erst
        nach seinem Tod. Das Orchester spielte sie <em>ohne jede Sentimentalität</em>, klar und
        fast kammermusikalisch – und gerade dadurch ergreifend.

        - „So leise habe ich dieses Orchester noch nie gehört“, sagte eine Besucherin.
        - „Und so laut auch nicht.“

        Das Konzert ist noch eine Woche lang in der
        <a href="https://www.gewandhausorchester.de/">Mediathek des Gewandhauses</a> abrufbar.
        """,
    ),
    DemoArticle(
        key="bibliothek",
        section="kultur",
        kicker="Stadtbibliothek",
        headline="Leipziger Bibliotheken öffnen künftig auch sonntags",
        lead=(
            "Vom kommenden Monat an können Leipzigerinnen und Leipziger die Stadtbibliothek und "
            "zwei Stadtteilbibliotheken auch am Sonntag besuchen. Ein Modellprojekt des Landes "
            "macht es möglich."
        ),
        bullets=[
            "Stadtbibliothek und zwei Stadtteilbibliotheken öffnen sonntags",
            "Geöffnet ist jeweils von 13 bis 18 Uhr",
            "Das Modellprojekt läuft zunächst zwei Jahre",
        ],
        image="bibliothek",
        authors=["lh", "rut"],
        tags=["Leipzig", "Bibliotheken", "Kultur"],
        related=["haushalt"],
        body="""
        Bibliotheken öffnen in Sachsen bisher nur in Ausnahmefällen am Sonntag. Das
        Modellprojekt erlaubt es nun, auch ohne Fachpersonal zu öffnen: Ausleihe und Rückgabe
        laufen an Automaten, ein Sicherheitsdienst ist vor Ort.

        ## Ein Ort für alle

        - „Die Bibliothek ist das Wohnzimmer der Stadt“, sagte die Direktorin.
        - „Und ein Wohnzimmer sollte am Sonntag nicht geschlossen sein.“

        Neben Ausleihe und Lesesaal gibt es sonntags <strong>Vorlesestunden für Kinder</strong>
        und ein offenes Repair-Café.
        """,
    ),
    DemoArticle(
        key="museum",
        section="kultur",
        kicker="Museum der bildenden Künste",
        headline="Ausstellung zeigt vergessene Malerinnen der Leipziger Schule",
        lead=(
            "Sie malten so gut wie ihre berühmten Kollegen, wurden aber kaum ausgestellt. Eine "
            "neue Schau im Museum der bildenden Künste holt zwölf Malerinnen aus dem Depot."
        ),
        bullets=[
            "Mehr als 80 Werke von zwölf Künstlerinnen",
            "Viele Bilder waren jahrzehntelang nicht zu sehen",
            "Die Ausstellung läuft vier Monate",
        ],
        image="museum",
        authors=["lh"],
        tags=["Kunst", "Museum", "Leipziger Schule"],
        related=["gewandhaus", "theater"],
        body="""
        Die Leipziger Schule ist weltberühmt – und männlich, zumindest in der Erinnerung. Die
        Kuratorinnen wollen das ändern.

        ## Aus dem Depot an die Wand

        Viele der gezeigten Bilder hingen zuletzt vor mehr als dreißig Jahren in einer
        Ausstellung. Einige wurden für die Schau eigens restauriert.

        > Wir haben nicht nach Lücken gesucht. Wir haben eine zweite Geschichte gefunden.

        Die Ausstellung ist dienstags bis sonntags von 10 bis 18 Uhr geöffnet, mittwochs bis
        20 Uhr. <em>Am ersten Mittwoch im Monat ist der Eintritt frei.</em>
        """,
    ),
    DemoArticle(
        key="theater",
        section="kultur",
        kicker="Schauspiel Leipzig",
        headline="„Faust“ als Stadtspaziergang: Eine Premiere in Bewegung",
        lead=(
            "Das Schauspiel Leipzig schickt sein Publikum für Goethes „Faust“ auf einen "
            "Spaziergang durch die Innenstadt. Die Premiere endete im Keller – natürlich in "
            "Auerbachs Keller."
        ),
        bullets=[
            "Vier Stunden, sieben Spielorte, zwei Kilometer Fußweg",
            "Die Schlussszene spielt in Auerbachs Keller",
        ],
        image="konzert",
        caption="Szene aus der Premiere: Das Ensemble im Scheinwerferlicht.",
        authors=["lh"],
        tags=["Theater", "Goethe", "Leipzig"],
        related=["museum", "gewandhaus"],
        body="""
        Goethe lässt Leipzig im „Faust“ ein „klein Paris“ sein. Das Schauspiel nimmt das wörtlich
        und verlegt die Szenen an Orte, die Goethe als Student kannte.

        ## Theater zum Mitgehen

        Das Publikum folgt den Figuren vom Markt über den Nikolaikirchhof bis in die
        Mädlerpassage. Wer nicht gut zu Fuß ist, kann eine verkürzte Route wählen.

        - „Es war kalt, es war laut, es war großartig“, sagte ein Zuschauer nach der Premiere.
        - „Ich habe den Text noch nie so verstanden wie heute.“
        """,
    ),
    DemoArticle(
        key="clubs",
        section="kultur",
        kicker="Clubkultur",
        headline="Leipziger Clubs bekommen Geld für Lärmschutz",
        lead=(
            "Die Stadt fördert Schallschutzfenster und Lärmschleusen in Musikclubs. So sollen "
            "Konflikte mit Nachbarn entschärft werden, bevor Clubs schließen müssen."
        ),
        bullets=[
            "Bis zu 50.000 Euro Förderung pro Club",
            "Zwölf Clubs haben bereits Anträge gestellt",
        ],
        authors=["rut"],
        tags=["Leipzig", "Clubkultur", "Lärmschutz"],
        related=["flughafen", "bibliothek"],
        body="""
        Leipzig hat eine der lebendigsten Clubszenen Ostdeutschlands. Doch wo neue Wohnungen
        entstehen, kommt es immer häufiger zu Beschwerden über Lärm.

        ## Wie die Förderung funktioniert

        1. Clubs beantragen einen Zuschuss beim Kulturamt.
        2. Ein Gutachter prüft, welche Maßnahme am meisten bringt.
        3. Die Stadt übernimmt bis zu 80 Prozent der Kosten.

        - „Kultur und Wohnen müssen in einer Stadt nebeneinander Platz haben“, sagte der
          Kulturbürgermeister.
        """,
    ),
    DemoArticle(
        key="interview",
        section="kultur",
        kicker="Interview",
        headline="„Ein Orchester ist kein Museum“",
        lead=(
            "Der neue Intendant des Gewandhauses über volle Säle, junge Zuhörer und die Frage, "
            "warum Beethoven nie langweilig wird."
        ),
        bullets=["Das Gewandhaus will mehr junges Publikum gewinnen"],
        image="konzert",
        authors=["lh"],
        tags=["Gewandhaus", "Klassik", "Interview"],
        related=["gewandhaus"],
        status=DRAFT,
        body="""
        <strong>Das Gewandhaus ist fast jeden Abend ausverkauft. Wozu brauchen Sie neues
        Publikum?</strong>

        Weil das Publikum von heute nicht das von morgen ist.

        <em>Autorisierung durch das Gewandhaus steht noch aus.</em>
        """,
    ),
    # --- Sport ---
    DemoArticle(
        key="rbl",
        section="sport",
        kicker="Bundesliga",
        headline="RB Leipzig dreht Spiel gegen Bremen in der Nachspielzeit",
        lead=(
            "Lange sah es nach einer Heimniederlage aus, dann drehte RB Leipzig die Partie gegen "
            "Werder Bremen doch noch: Zwei Tore in der Nachspielzeit brachten den 2:1-Sieg."
        ),
        bullets=[
            "Bremen führte bis zur 90. Minute mit 1:0",
            "Ausgleich in der 92., Siegtor in der 95. Minute",
            "RB springt auf Tabellenplatz drei",
            "Der Torschütze war erst zur Pause eingewechselt worden",
            "Der Kapitän fällt mehrere Wochen aus",
        ],
        image="stadion",
        authors=["ps"],
        tags=["RB Leipzig", "Bundesliga", "Fußball"],
        related=["cl_vorschau", "derby"],
        updated=True,
        body="""
        47.000 Zuschauer sahen lange ein zähes Spiel. Bremen stand tief, verteidigte geschickt
        und ging kurz nach der Pause durch einen Konter in Führung.

        ## Die Schlussphase

        Erst als der Trainer in der 70. Minute zwei weitere Offensivspieler brachte, wurde
        Leipzig gefährlicher. Der Ausgleich fiel nach einer Ecke, das Siegtor nach einem
        Fernschuss, der noch abgefälscht wurde.

        - „Wir haben nie aufgehört, daran zu glauben“, sagte der Trainer.
        - „So ein Spiel gewinnst du nicht mit Taktik, sondern mit Willen.“

        <strong>Aktualisierung:</strong> Der Verein hat inzwischen bestätigt, dass der Kapitän
        mit einer Oberschenkelverletzung mehrere Wochen ausfällt.
        """,
    ),
    DemoArticle(
        key="dhfk",
        section="sport",
        kicker="Handball",
        headline="SC DHfK Leipzig verliert Kellerduell in Erlangen",
        lead=(
            "Die Handballer des SC DHfK Leipzig haben das wichtige Duell im Abstiegskampf "
            "verloren. In Erlangen unterlag das Team mit 27:31."
        ),
        bullets=[
            "27:31-Niederlage in Erlangen",
            "Leipzig bleibt auf einem Abstiegsplatz",
        ],
        image="halle",
        authors=["ps"],
        tags=["Handball", "SC DHfK Leipzig"],
        related=["rbl", "volleys"],
        body="""
        Bis zur Pause hielt Leipzig mit, beim Stand von 14:14 ging es in die Kabine. Nach dem
        Wechsel aber häuften sich die technischen Fehler, und Erlangen zog mit einem 6:0-Lauf
        davon.

        ## Der Trainer nimmt die Mannschaft in die Pflicht

        - „Zehn Minuten lang haben wir aufgehört, Handball zu spielen“, sagte der Trainer.
        - „Das können wir uns in dieser Lage nicht erlauben.“

        Bester Leipziger Werfer war der Rechtsaußen mit sieben Toren.
        """,
    ),
    DemoArticle(
        key="derby",
        section="sport",
        kicker="Regionalliga",
        headline="Derby in Leipzig: Chemie und Lok vor ausverkauftem Haus",
        lead=(
            "Zum ersten Derby der Saison erwartet die Polizei Tausende Fans und ein Großaufgebot "
            "an Einsatzkräften. Sportlich geht es für beide Vereine um den Anschluss an die "
            "Spitze."
        ),
        bullets=[
            "Beide Vereine melden ein ausverkauftes Stadion",
            "Die Polizei ist mit mehreren Hundertschaften im Einsatz",
            "Anpfiff ist am Sonntag um 13 Uhr",
        ],
        image="stadion",
        caption="Volle Ränge erwartet: Das Derby ist seit Tagen ausverkauft.",
        authors=["ps", "rut"],
        tags=["Fußball", "Regionalliga", "Leipzig"],
        related=["rbl"],
        body="""
        Kaum ein Spiel ist in Leipzig so aufgeladen wie dieses. Die Rivalität zwischen der BSG
        Chemie und dem 1. FC Lokomotive reicht bis in die Sechzigerjahre zurück.

        ## Sicherheit hat Vorrang

        Die Fans beider Lager reisen auf getrennten Wegen an. Die Polizei rät allen, die nicht
        zum Spiel wollen, den Bereich rund um das Stadion am Sonntag zu meiden.

        1. Gästefans kommen mit Sonderzügen zum Bahnhof Leutzsch.
        2. Straßenbahnen fahren ab 11 Uhr umgeleitet.
        3. Rund um das Stadion gilt ein Alkoholverbot.

        - „Wir wollen ein Fußballfest, keine Schlagzeilen“, sagte der Präsident des Gastgebers.
        """,
    ),
    DemoArticle(
        key="volleys",
        section="sport",
        headline="Leipziger Volleyballer gewinnen Sachsenderby im Tiebreak",
        lead=(
            "Nach fast zwei Stunden und fünf Sätzen stand der Sieg fest: Die Volleyballer aus "
            "Leipzig haben das Sachsenderby gegen Dresden mit 3:2 gewonnen."
        ),
        bullets=["3:2-Sieg nach fünf Sätzen"],
        image="halle",
        caption="Rund 2.000 Zuschauer sahen das Sachsenderby in der Arena.",
        authors=["ps"],
        tags=["Volleyball", "Leipzig", "Dresden"],
        related=["dhfk"],
        body="""
        Zwei Sätze lang sah es nach einem klaren Leipziger Sieg aus, dann kam Dresden zurück. Im
        Tiebreak behielten die Gastgeber die Nerven und gewannen ihn mit 15:12.

        ## Stimmen zum Spiel

        - „Das war Werbung für den Volleyball in Sachsen“, sagte der Leipziger Kapitän.
        """,
    ),
    DemoArticle(
        key="eishockey",
        section="sport",
        kicker="Eishockey",
        headline="Icefighters verpflichten kanadischen Stürmer",
        lead=(
            "Die Icefighters Leipzig haben auf ihre Verletzungssorgen reagiert und einen Stürmer "
            "aus Kanada verpflichtet. Er soll bereits am Freitag sein erstes Spiel bestreiten."
        ),
        bullets=["Der Neuzugang kommt aus der zweiten kanadischen Liga"],
        authors=["ps"],
        tags=["Eishockey", "Icefighters Leipzig"],
        body="""
        Der 27-Jährige erzielte in der vergangenen Saison 24 Tore und gilt als schneller,
        abschlussstarker Spieler.

        - „Er passt genau in das Profil, das wir gesucht haben“, sagte der Sportdirektor.
        """,
    ),
    DemoArticle(
        key="cl_vorschau",
        section="sport",
        kicker="Champions League",
        headline="Was RB Leipzig in Madrid erwartet",
        lead=(
            "Am Mittwoch muss RB Leipzig bei Real Madrid antreten. Ein Punkt würde reichen, um "
            "die nächste Runde sicher zu erreichen."
        ),
        bullets=[
            "Ein Punkt reicht für die nächste Runde",
            "Zwei Stammspieler fehlen verletzt",
            "Anpfiff ist um 21 Uhr",
        ],
        image="stadion",
        authors=["ps"],
        tags=["RB Leipzig", "Champions League", "Fußball"],
        related=["rbl"],
        status=SCHEDULED,
        publish_in_hours=30,
        body="""
        Das Estadio Santiago Bernabéu ist einer der schwierigsten Orte für Gastmannschaften in
        Europa. Leipzig hat dort noch nie gewonnen.

        ## Das Personal

        - Der Kapitän fällt mit einer Oberschenkelverletzung aus.
        - Im Tor steht wieder die Nummer eins.

        - „Wir fahren nicht nach Madrid, um einen Punkt zu holen“, sagte der Trainer.
        """,
    ),
    # --- Wissen ---
    DemoArticle(
        key="pflanzen",
        section="wissen",
        kicker="Universität Leipzig",
        headline="Forschende entschlüsseln, wie Pflanzen Hitzestress überstehen",
        lead=(
            "Ein Team der Universität Leipzig hat einen Schalter im Erbgut von Pflanzen "
            "gefunden, der sie vor Hitze schützt. Die Entdeckung könnte helfen, Getreide "
            "widerstandsfähiger zu machen."
        ),
        bullets=[
            "Ein Eiweiß schaltet bei Hitze Schutzgene ein",
            "Die Versuche liefen zunächst an der Ackerschmalwand",
            "Die Übertragung auf Weizen wird bereits getestet",
        ],
        image="labor",
        authors=["fl"],
        tags=["Forschung", "Universität Leipzig", "Klimawandel", "Landwirtschaft"],
        related=["auwald", "klima"],
        body="""
        Wenn es heiß wird, geraten Pflanzen in Stress: Eiweiße verlieren ihre Form, die
        Photosynthese gerät ins Stocken. Manche Pflanzen überstehen das besser als andere –
        warum, war bislang nur teilweise verstanden.

        ## Ein molekularer Schalter

        Die Forschenden fanden ein Eiweiß, das bei steigenden Temperaturen seine Form ändert und
        dadurch eine ganze Gruppe von Schutzgenen aktiviert. Ihre Ergebnisse haben sie in einem
        <em>Fachjournal</em> veröffentlicht.

        - „Das ist wie ein Thermostat, den die Pflanze schon eingebaut hat“, sagte die
          Studienleiterin.
        - „Wir müssen nur lernen, ihn früher einzuschalten.“
        """,
    ),
    DemoArticle(
        key="klima",
        section="wissen",
        kicker="Klimawandel",
        headline="Leipzig ist heute im Schnitt 1,6 Grad wärmer als vor 70 Jahren",
        lead=(
            "Der Deutsche Wetterdienst hat die Messreihen für Leipzig ausgewertet. Vor allem die "
            "Zahl der heißen Tage hat stark zugenommen."
        ),
        bullets=[
            "Die Jahresmitteltemperatur ist um 1,6 Grad gestiegen",
            "Heiße Tage gibt es mehr als doppelt so oft",
            "Die Stadt plant mehr Bäume und Trinkbrunnen",
        ],
        image="auwald",
        caption="Sommer im Leipziger Auwald: Heiße Tage sind deutlich häufiger geworden.",
        authors=["fl", "mm"],
        tags=["Klimawandel", "Leipzig", "Wetter"],
        related=["auwald", "solar"],
        body="""
        Die Auswertung reicht bis in die Fünfzigerjahre zurück. Seitdem ist die
        Jahresmitteltemperatur an der Station Leipzig/Halle um 1,6 Grad gestiegen – stärker als
        im weltweiten Durchschnitt.

        ## Mehr heiße Tage

        Als heiß gilt ein Tag, an dem das Thermometer 30 Grad oder mehr zeigt. Früher gab es
        davon im Schnitt vier im Jahr, heute sind es <strong>mehr als zehn</strong>.

        ## Was die Stadt tun will

        1. Jedes Jahr 1.000 neue Straßenbäume pflanzen
        2. Zwanzig zusätzliche Trinkbrunnen aufstellen
        3. Einen Hitzeaktionsplan für Pflegeheime und Schulen aufstellen

        Die Daten sind im <a href="https://www.dwd.de/">Klimaatlas des Deutschen
        Wetterdienstes</a> frei zugänglich.
        """,
    ),
    DemoArticle(
        key="sterne",
        section="wissen",
        kicker="Astronomie",
        headline="Sternwarte lädt jeden Freitag zum Blick in den Himmel",
        lead=(
            "Ehrenamtliche der Volkssternwarte zeigen Besucherinnen und Besuchern jeden "
            "Freitagabend Planeten, Sternhaufen und den Mond. Eine Anmeldung ist nicht nötig."
        ),
        bullets=[
            "Jeden Freitag ab 19 Uhr, bei klarem Himmel",
            "Der Eintritt ist frei, Spenden sind willkommen",
        ],
        image="sterne",
        authors=["fl"],
        tags=["Astronomie", "Leipzig", "Freizeit"],
        related=["pflanzen"],
        body="""
        Die Kuppel öffnet sich mit einem leisen Surren, und dann ist er da: der Mond, so nah,
        dass man die Krater zählen kann. Für viele Besucher ist das der Moment, in dem sie sich
        in die Astronomie verlieben.

        ## Was man sehen kann

        - Den Mond und, je nach Jahreszeit, Jupiter und Saturn
        - Sternhaufen und Doppelsterne
        - An besonders klaren Abenden ferne Galaxien

        > Bei Wolken zeigen wir den Himmel im kleinen Planetarium. Enttäuscht geht hier
        > niemand nach Hause.
        """,
    ),
    DemoArticle(
        key="ki",
        section="wissen",
        kicker="Künstliche Intelligenz",
        headline="Leipziger Start-up will Hausärzte mit KI entlasten",
        lead=(
            "Eine Software aus Leipzig soll Arztbriefe vorsortieren und Befunde zusammenfassen. "
            "In zwanzig Praxen in Sachsen läuft ein Test."
        ),
        bullets=[
            "Die Software fasst Befunde und Arztbriefe zusammen",
            "Test in zwanzig Praxen in Sachsen",
            "Die Daten bleiben auf Servern in Deutschland",
        ],
        image="labor",
        caption="Im Labor der Universitätsmedizin: Das Start-up arbeitet eng mit ihr zusammen.",
        authors=["fl", "sb"],
        tags=["Künstliche Intelligenz", "Medizin", "Start-ups", "Leipzig"],
        related=["herz", "pflanzen"],
        body="""
        Hausärztinnen und Hausärzte verbringen einen großen Teil ihrer Zeit mit Papierkram.
        Genau hier setzt das Start-up an: Die Software liest eingehende Befunde, ordnet sie der
        richtigen Akte zu und schreibt eine kurze Zusammenfassung.

        ## Die Ärztin entscheidet

        Diagnosen stellt die Software ausdrücklich nicht.
        <strong>Jede Zusammenfassung muss in der Praxis freigegeben werden.</strong>

        - „Wir wollen den Ärzten Zeit zurückgeben, nicht ihre Arbeit übernehmen“, sagte die
          Gründerin.
        - „Die Verantwortung bleibt in der Praxis.“

        Datenschützer sehen den Test dennoch kritisch und fordern eine unabhängige Prüfung.
        """,
    ),
    DemoArticle(
        key="herz",
        section="wissen",
        kicker="Medizin",
        headline="Herzzentrum testet neue Methode gegen Vorhofflimmern",
        lead=(
            "Mit kurzen Stromimpulsen statt Hitze oder Kälte wollen Ärzte im Herzzentrum "
            "Herzrhythmusstörungen behandeln. Erste Ergebnisse sind vielversprechend."
        ),
        bullets=[
            "Behandlung mit kurzen Stromimpulsen",
            "Eine erste Studie mit 150 Patientinnen und Patienten",
        ],
        image="labor",
        authors=["fl"],
        tags=["Medizin", "Herz", "Forschung"],
        related=["ki"],
        status=DRAFT,
        body="""
        <em>Entwurf – Zitate des Chefarztes folgen nach dem Gespräch am Donnerstag.</em>

        ## So funktioniert die Methode

        Statt das Gewebe zu veröden, setzen die Ärzte sehr kurze elektrische Impulse, die nur
        Herzmuskelzellen angreifen.
        """,
    ),
]

# The curated top of the home page: the lead story and the highlights, by article key.
HOME_LEAD = "landtag_haushalt"
HOME_HIGHLIGHTS = ["tram", "solar", "rbl", "klima"]

# Addresses articles had before their slug was changed: article key -> (section, old slug).
OLD_SLUGS = {"tram": ("leipzig", "strassenbahn-ausbau-kommt-frueher")}

# The website settings ("Website-Einstellungen"); addresses use the reserved .example domain.
SITE_SETTINGS = {
    "description": (
        "Nachrichten aus Leipzig, Sachsen und der Welt: Politik, Wirtschaft, Kultur, Sport und "
        "Wissen – aktuell, eingeordnet und unabhängig."
    ),
    "follow_box": (
        "Folgen Sie uns schon bei WhatsApp, Instagram und Mastodon? Dort finden Sie die "
        "wichtigsten Nachrichten des Tages."
    ),
    "imprint_url": "https://newsroom.example/impressum/",
    "privacy_url": "https://newsroom.example/datenschutz/",
    "contact_email": "redaktion@newsroom.example",
}
SOCIAL_ACCOUNTS = [
    ("WhatsApp", "https://whatsapp.newsroom.example/kanal"),
    ("Instagram", "https://instagram.newsroom.example/newsroom"),
    ("Mastodon", "https://mastodon.newsroom.example/@redaktion"),
    ("Bluesky", "https://bsky.newsroom.example/profile/newsroom"),
]


def check_demo_data():
    """Fail loudly if the demo data contradicts itself (a typo in a key, a duplicate slug)."""
    problems = []
    section_slugs = {slug for _, slug in SECTIONS}
    image_keys = [picture.key for picture in IMAGES]
    codes = [author.code for author in AUTHORS]
    keys = [item.key for item in ARTICLES]
    for label, values in (
        ("image key", image_keys),
        ("author code", codes),
        ("article key", keys),
        ("article slug", [item.slug for item in ARTICLES]),
    ):
        problems += [f"duplicate {label} {v!r}" for v in set(values) if values.count(v) > 1]
    problems += [f"short code {c!r} not lower-case" for c in codes if c != c.lower()]
    problems += [f"unknown photo {a.photo!r}" for a in AUTHORS if a.photo not in {"", *image_keys}]
    for item in ARTICLES:
        where = f"article {item.key!r}"
        if item.section not in section_slugs:
            problems.append(f"{where}: unknown section {item.section!r}")
        if item.image and item.image not in image_keys:
            problems.append(f"{where}: unknown image {item.image!r}")
        if not 1 <= len(item.bullets) <= MAX_TEASER_BULLETS:
            problems.append(f"{where}: needs 1 to {MAX_TEASER_BULLETS} bullets")
        authors = [code for code, _ in item.bylines]
        if not authors or len(set(authors)) != len(authors) or set(authors) - set(codes):
            problems.append(f"{where}: bad authors {authors}")
        if item.key in item.related or len(set(item.related)) != len(item.related):
            problems.append(f"{where}: cross-links must be distinct and not to itself")
        if set(item.related) - set(keys):
            problems.append(f"{where}: unknown cross-links {set(item.related) - set(keys)}")
        if item.status not in (PUBLISHED, SCHEDULED, DRAFT):
            problems.append(f"{where}: unknown status {item.status!r}")
        if (item.status == SCHEDULED) != (item.publish_in_hours > 0):
            problems.append(f"{where}: publish_in_hours is for scheduled articles only")
    by_key = {item.key: item for item in ARTICLES}
    home = [HOME_LEAD, *HOME_HIGHLIGHTS]
    problems += [f"home page: unknown article {key!r}" for key in home if key not in by_key]
    problems += [
        f"home page: article {key!r} is not published"
        for key in home
        if key in by_key and by_key[key].status != PUBLISHED
    ]
    if len(set(home)) != len(home) or len(HOME_HIGHLIGHTS) > MAX_HOME_HIGHLIGHTS:
        problems.append(f"home page: needs distinct articles, at most {MAX_HOME_HIGHLIGHTS}")
    slugs = {item.slug for item in ARTICLES}
    for key, (section, old_slug) in OLD_SLUGS.items():
        if key not in by_key or section not in section_slugs or old_slug in slugs:
            problems.append(f"old address of {key!r}: unknown article or section, or in use")
    if problems:
        raise ValueError("Inconsistent demo data: " + "; ".join(problems))


# --- article bodies ---------------------------------------------------------------------------

_LIST_ITEM = re.compile(r"^(?:- |\d+\. )")


def render_body(text):
    """Turn the tiny body markup of ARTICLES into the HTML an article body stores."""
    html = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.strip().splitlines()]
        first = lines[0]
        if first.startswith("## "):
            html.append(f"<h2>{' '.join(lines)[3:]}</h2>")
        elif first.startswith("> "):
            quote = " ".join(line.removeprefix(">").strip() for line in lines)
            html.append(f"<blockquote><p>{quote}</p></blockquote>")
        elif _LIST_ITEM.match(first):
            items = []
            for line in lines:
                if _LIST_ITEM.match(line):
                    items.append(_LIST_ITEM.sub("", line))
                else:  # an item continued on the next line
                    items[-1] += " " + line
            tag = "ul" if first.startswith("- ") else "ol"
            html.append(f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>")
        else:
            html.append(f"<p>{' '.join(lines)}</p>")
    return "\n".join(html)


# --- pictures ---------------------------------------------------------------------------------

GREENS = [(143, 188, 110), (104, 152, 84), (72, 120, 66)]
CROWD = [(230, 57, 70), (241, 250, 238), (29, 53, 87), (255, 183, 3), (180, 180, 190)]
BOOK_COLORS = ["#9b2226", "#005f73", "#ee9b00", "#0a9396", "#3d405b", "#e9d8a6", "#6a994e"]
SKIN_TONES = ["#f1c27d", "#e0ac69", "#c68642", "#8d5524", "#ffdbac"]
HAIR_COLORS = ["#2c1b18", "#4a312c", "#b55239", "#d6b370", "#71635a"]


def _rgb(color):
    return ImageColor.getrgb(color)[:3] if isinstance(color, str) else tuple(color[:3])


def _rgba(color, alpha=255):
    return (*_rgb(color), alpha)


def _shade(color, factor):
    """Darker (factor < 1) or lighter (factor > 1, towards white) version of a colour."""
    if factor <= 1:
        return tuple(int(c * factor) for c in _rgb(color))
    return tuple(int(c + (255 - c) * (factor - 1)) for c in _rgb(color))


@lru_cache
def _font(size):
    return ImageFont.load_default(size=max(8, size))


def _text_in_box(draw, box, text, font, fill):
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x = (box[0] + box[2] - (right - left)) / 2 - left
    y = (box[1] + box[3] - (bottom - top)) / 2 - top
    draw.text((x, y), text, font=font, fill=fill)


def _gradient(size, top, bottom):
    mask = PILImage.linear_gradient("L").resize(size)
    return PILImage.composite(
        PILImage.new("RGB", size, _rgb(bottom)), PILImage.new("RGB", size, _rgb(top)), mask
    )


def _disc(draw, cx, cy, r, fill):
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)


def _hill(draw, w, h, rng, base, amplitude, color):
    freq, phase = rng.uniform(1.2, 3.2), rng.uniform(0, 2 * math.pi)
    step = max(1, w // 80)
    points = [
        (x, base - amplitude * math.sin(freq * 2 * math.pi * x / w + phase))
        for x in range(0, w + step, step)
    ]
    draw.polygon([*points, (w, h), (0, h)], fill=color)


def _buildings(draw, w, h, rng, ground, heights, color, windows=None, until=1.0):
    """A row of houses from the left edge to ``until`` (a fraction of the width)."""
    x = -rng.uniform(0, 0.04) * w
    while x < until * w:
        width = rng.uniform(0.05, 0.1) * w
        top = ground - rng.uniform(*heights) * h
        draw.rectangle((x, top, x + width, ground), fill=color)
        if windows:
            win_w, win_h, gap_x, gap_y = 0.012 * w, 0.022 * h, 0.012 * w, 0.02 * h
            y = top + gap_y
            while y + win_h < ground - gap_y:
                wx = x + gap_x
                while wx + win_w < x + width - gap_x / 2:
                    if rng.random() < 0.4:
                        draw.rectangle((wx, y, wx + win_w, y + win_h), fill=_rgba(windows, 220))
                    wx += win_w + gap_x
                y += win_h + gap_y
        x += width + rng.uniform(0, 0.01) * w


def _town_sign(draw, w, h, text):
    box = (0.05 * w, 0.07 * h, 0.3 * w, 0.19 * h)
    draw.rectangle(box, fill=(255, 204, 0), outline=(20, 20, 20), width=max(1, int(0.004 * w)))
    _text_in_box(draw, box, text, _font(int(0.06 * h)), (20, 20, 20))


def _scene_skyline(draw, w, h, rng, picture):
    top, bottom, accent = picture.colors
    # The sun (or moon) stays clear of the landmark in the middle and of the sign on the left.
    sun_x = rng.uniform(0.78, 0.9) if picture.label else rng.uniform(0.1, 0.3)
    _disc(draw, sun_x * w, 0.22 * h, 0.06 * w, _rgba(accent, 230))
    ground = 0.84 * h
    _buildings(draw, w, h, rng, ground, (0.3, 0.55), _rgba(_shade(top, 0.7), 170))
    stone = _shade(top, 0.5)
    if picture.variant == "tower":  # a town hall tower with a clock
        x, tw, tower_top = rng.uniform(0.55, 0.72) * w, 0.045 * w, 0.14 * h
        draw.rectangle((x, tower_top, x + tw, ground), fill=stone)
        roof = [(x - 0.006 * w, tower_top), (x + tw / 2, tower_top - 0.08 * h)]
        draw.polygon([*roof, (x + tw + 0.006 * w, tower_top)], fill=_shade(stone, 0.7))
        _disc(draw, x + tw / 2, tower_top + 0.05 * h, 0.012 * w, (248, 241, 229))
    elif picture.variant == "dome":  # a parliament with a glass dome
        cx = rng.uniform(0.45, 0.55) * w
        draw.chord(
            (cx - 0.07 * w, 0.3 * h, cx + 0.07 * w, 0.58 * h), 180, 360, fill=(205, 222, 235)
        )
        draw.rectangle((cx - 0.2 * w, 0.44 * h, cx + 0.2 * w, ground), fill=stone)
        for i in range(9):
            col = cx - 0.16 * w + i * 0.04 * w
            draw.rectangle((col, 0.52 * h, col + 0.012 * w, ground), fill=_shade(stone, 1.4))
    elif picture.variant == "glass":  # a modern glass building
        x0, x1, y0 = 0.35 * w, 0.85 * w, 0.45 * h
        draw.rectangle((x0, y0, x1, ground), fill=(170, 200, 225))
        for i in range(1, 12):
            gx = x0 + i * (x1 - x0) / 12
            draw.line((gx, y0, gx, ground), fill=(110, 140, 170), width=max(1, int(0.002 * w)))
    until = 0.33 if picture.variant == "glass" else 1.0  # the glass front stays visible
    _buildings(
        draw, w, h, rng, ground, (0.12, 0.36), _shade(top, 0.35), windows="#ffd76a", until=until
    )
    if picture.variant == "glass":  # the river in front
        draw.rectangle((0, ground, w, h), fill=(60, 110, 160))
    else:
        draw.rectangle((0, ground, w, h), fill=_shade(bottom, 0.35))
    if picture.label:
        _town_sign(draw, w, h, picture.label)


def _scene_tram(draw, w, h, rng, picture):
    top, _, accent = picture.colors
    ground, wire = 0.84 * h, 0.2 * h
    _buildings(draw, w, h, rng, ground, (0.35, 0.62), _shade(top, 0.75), windows="#fefae0")
    draw.rectangle((0, ground, w, h), fill=(95, 95, 100))
    for rail in (0.92, 0.97):
        draw.line((0, rail * h, w, rail * h), fill=(200, 200, 200), width=max(1, int(0.004 * w)))
    draw.line((0, wire, w, wire - 0.02 * h), fill=(30, 30, 30), width=max(1, int(0.002 * w)))
    x0, x1, y0, y1 = 0.08 * w, 0.92 * w, 0.42 * h, 0.88 * h
    px = (x0 + x1) / 2  # pantograph up to the wire
    draw.line(
        [(px - 0.05 * w, y0), (px, wire - 0.01 * h), (px + 0.05 * w, y0)],
        fill=(40, 40, 40),
        width=max(1, int(0.003 * w)),
    )
    draw.rounded_rectangle((x0, y0, x1, y1), radius=0.03 * w, fill=_rgb(accent))
    draw.rectangle((x0, y1 - 0.13 * h, x1, y1 - 0.08 * h), fill=(250, 250, 250))
    width = (x1 - x0 - 0.06 * w) / 6
    for i in range(6):
        wx = x0 + 0.03 * w + i * width
        draw.rounded_rectangle(
            (wx + 0.006 * w, y0 + 0.1 * h, wx + width - 0.006 * w, y0 + 0.25 * h),
            radius=0.008 * w,
            fill=(40, 60, 80),
        )
    display = (x0 + 0.03 * w, y0 + 0.02 * h, x0 + 0.36 * w, y0 + 0.08 * h)
    draw.rectangle(display, fill=(15, 15, 15))
    _text_in_box(draw, display, picture.label, _font(int(0.045 * h)), (255, 176, 0))
    for bogie in (0.2, 0.5, 0.8):
        draw.rectangle(
            (bogie * w - 0.05 * w, y1, bogie * w + 0.05 * w, y1 + 0.03 * h), fill=(20, 20, 20)
        )


def _scene_landscape(draw, w, h, rng, picture):
    accent = picture.colors[2]
    _disc(draw, rng.uniform(0.6, 0.85) * w, 0.2 * h, 0.055 * w, _rgba(accent, 240))
    for i, green in enumerate(GREENS):
        _hill(draw, w, h, rng, (0.5 + 0.1 * i) * h, rng.uniform(0.02, 0.05) * h, green)
    if picture.variant == "solar":
        for row in range(4):
            y, grow = (0.66 + row * 0.085) * h, 1 + row * 0.25
            pw, ph = 0.07 * w * grow, 0.045 * h * grow
            x = -rng.uniform(0, pw)
            while x < w:
                panel = [(x, y + ph), (x + pw, y + ph), (x + pw + 0.02 * w, y), (x + 0.02 * w, y)]
                draw.polygon(panel, fill=(29, 43, 83), outline=(150, 170, 210))
                x += pw + 0.012 * w
    elif picture.variant == "river":
        phase = rng.uniform(0, math.pi)

        def river_at(t):  # centre and half width, from the horizon (t=0) to the front (t=1)
            return w * (0.5 + 0.15 * math.sin(3 * t + phase)), w * (0.01 + 0.09 * t)

        steps = [i / 30 for i in range(31)]
        left = [(c - half, (0.6 + 0.4 * t) * h) for t in steps for c, half in [river_at(t)]]
        right = [(c + half, (0.6 + 0.4 * t) * h) for t in steps for c, half in [river_at(t)]]
        draw.polygon(left + right[::-1], fill=(77, 143, 191))
        trees = [(rng.uniform(0, w), rng.uniform(0.55, 0.98) * h) for _ in range(70)]
        for x, y in sorted(trees, key=lambda tree: tree[1]):  # back to front
            centre, half = river_at((y / h - 0.6) / 0.4) if y > 0.6 * h else (-w, 0)
            r = 0.03 * w * (0.5 + y / h)
            if abs(x - centre) < half + r:
                continue
            draw.rectangle(
                (x - r * 0.12, y - r * 0.2, x + r * 0.12, y + r * 0.8), fill=(92, 64, 51)
            )
            _disc(draw, x, y - r * 0.6, r, _rgba(_shade(rng.choice(GREENS), 0.8), 235))


def _scene_industry(draw, w, h, rng, picture):
    accent = picture.colors[2]
    ground = 0.82 * h
    _hill(draw, w, h, rng, 0.6 * h, 0.02 * h, (176, 184, 170))
    for i in range(3):
        x, cw = (0.18 + 0.26 * i + rng.uniform(-0.04, 0.04)) * w, 0.026 * w
        top = rng.uniform(0.12, 0.3) * h
        for j in range(7):
            r = 0.02 * w * (1 + j * 0.35)
            _disc(draw, x + cw / 2 + j * 0.025 * w, top - j * 0.035 * h, r, (236, 236, 236, 90))
        draw.rectangle((x, top, x + cw, ground), fill=(215, 215, 215))
        for k in range(3):
            band = top + 0.01 * h + k * 0.05 * h
            draw.rectangle((x, band, x + cw, band + 0.02 * h), fill=_rgb(accent))
    x = 0.0
    while x < w:
        bw = rng.uniform(0.08, 0.16) * w
        top = ground - rng.uniform(0.1, 0.25) * h
        draw.rectangle((x, top, x + bw, ground), fill=_shade((120, 128, 140), rng.uniform(0.7, 1)))
        x += bw + rng.uniform(0.01, 0.05) * w
    for i in range(2):
        cx, r = (0.3 + 0.35 * i) * w, 0.06 * w
        draw.rectangle((cx - r, 0.62 * h, cx + r, ground), fill=(200, 204, 210))
        draw.ellipse((cx - r, 0.6 * h, cx + r, 0.64 * h), fill=(225, 228, 232))
    for y in (0.66, 0.7):
        draw.line((0, y * h, w, y * h), fill=(150, 150, 150), width=max(1, int(0.006 * w)))
    draw.rectangle((0, ground, w, h), fill=(110, 105, 95))


def _scene_chart(draw, w, h, rng, picture):
    accent = picture.colors[2]
    for i in range(1, 10):
        draw.line((0.06 * w, i * h / 10, 0.96 * w, i * h / 10), fill=(255, 255, 255, 30))
    count, value, points = 24, 0.35, []
    bar = 0.9 * w / count
    for i in range(count):
        value = min(0.85, max(0.1, value + rng.uniform(-0.06, 0.09)))
        x = 0.06 * w + i * bar
        draw.rectangle(
            (x + bar * 0.15, h * (1 - value * 0.8), x + bar * 0.85, 0.95 * h),
            fill=_rgba(accent, 70),
        )
        points.append((x + bar / 2, h * (1 - value * 0.8) - 0.04 * h))
    draw.line(points, fill=_rgb(accent), width=max(1, int(0.004 * w)), joint="curve")
    draw.text((0.06 * w, 0.05 * h), picture.label, font=_font(int(0.1 * h)), fill="white")
    draw.text((0.06 * w, 0.17 * h), "+1,2 %", font=_font(int(0.06 * h)), fill=_rgb(accent))


def _scene_crane(draw, w, h, rng, picture):
    accent = picture.colors[2]
    ground, line = 0.86 * h, max(1, int(0.003 * w))
    concrete = (178, 176, 170)
    x0, x1 = 0.45 * w, 0.88 * w
    floors = rng.randint(5, 7)
    for f in range(floors + 1):
        y = ground - f * 0.08 * h
        draw.rectangle((x0, y - 0.012 * h, x1, y), fill=concrete)
    for c in range(6):
        cx = x0 + c * (x1 - x0) / 5
        draw.rectangle(
            (cx - 0.005 * w, ground - floors * 0.08 * h, cx + 0.005 * w, ground), fill=concrete
        )
    mast, jib = 0.3 * w, 0.14 * h
    for side in (-1, 1):
        draw.line(
            (mast + side * 0.01 * w, jib, mast + side * 0.01 * w, ground), fill=accent, width=line
        )
    y, zig = jib, -1
    while y < ground:
        draw.line(
            (mast - zig * 0.01 * w, y, mast + zig * 0.01 * w, y + 0.03 * h), fill=accent, width=line
        )
        y, zig = y + 0.03 * h, -zig
    draw.rectangle((mast - 0.14 * w, jib - 0.015 * h, mast + 0.5 * w, jib), fill=accent)
    draw.rectangle((mast - 0.14 * w, jib, mast - 0.09 * w, jib + 0.05 * h), fill=(80, 80, 80))
    draw.rectangle((mast - 0.012 * w, jib, mast + 0.02 * w, jib + 0.04 * h), fill=(60, 60, 60))
    hook = mast + rng.uniform(0.3, 0.45) * w
    draw.line((hook, jib, hook, 0.45 * h), fill=(50, 50, 50), width=line)
    draw.rectangle((hook - 0.04 * w, 0.45 * h, hook + 0.04 * w, 0.48 * h), fill=(150, 90, 60))
    draw.rectangle((0, ground, w, h), fill=(140, 120, 95))
    banner = (0.04 * w, ground - 0.08 * h, 0.34 * w, ground)
    draw.rectangle(banner, fill=_rgb(accent), outline=(40, 40, 40), width=line)
    _text_in_box(draw, banner, picture.label, _font(int(0.055 * h)), (30, 30, 30))


def _scene_stage(draw, w, h, rng, picture):
    accent = picture.colors[2]
    draw.rectangle((0, 0.78 * h, w, h), fill=(72, 46, 32))
    for i in range(3):
        sx = (0.3 + 0.2 * i) * w
        cone = [(sx - 0.01 * w, 0), (sx + 0.01 * w, 0), (sx + 0.13 * w, 0.86 * h)]
        draw.polygon([*cone, (sx - 0.13 * w, 0.86 * h)], fill=_rgba(accent, 40))
        draw.ellipse((sx - 0.13 * w, 0.8 * h, sx + 0.13 * w, 0.92 * h), fill=_rgba(accent, 60))
    for row, (base, size, count) in enumerate(((0.7, 0.8, 8), (0.84, 1.0, 7))):
        for i in range(count):
            x = (0.22 + (0.56 / (count - 1)) * i + rng.uniform(-0.01, 0.01) + row * 0.02) * w
            r, y = 0.018 * w * size, base * h
            draw.rounded_rectangle(
                (x - 1.4 * r, y - 4 * r, x + 1.4 * r, y), radius=r, fill=(15, 15, 15)
            )
            _disc(draw, x, y - 5 * r, r, (30, 24, 28))
            if rng.random() < 0.5:  # a violin bow
                draw.line(
                    (x - 2 * r, y - 4.5 * r, x + 2.5 * r, y - 2 * r),
                    fill=(200, 170, 120),
                    width=max(1, int(0.002 * w)),
                )
    red, fold = (157, 2, 8), (110, 0, 6)
    for side in (0, 1):
        edge = [(0, 0), (0.14 * w, 0), (0.09 * w, h), (0, h)]
        curtain = [(w - x if side else x, y) for x, y in edge]
        draw.polygon(curtain, fill=red)
        for k in range(1, 4):
            fx = k * 0.03 * w
            draw.line(
                (w - fx if side else fx, 0, w - fx * 0.7 if side else fx * 0.7, h),
                fill=fold,
                width=max(1, int(0.004 * w)),
            )
    draw.rectangle((0, 0, w, 0.07 * h), fill=fold)


def _scene_books(draw, w, h, rng, picture):
    wood = _rgb(picture.colors[2])
    shelf = h / 4
    for r in range(4):
        floor = (r + 1) * shelf - 0.03 * h
        x = 0.01 * w
        while x < 0.99 * w:
            bw = rng.uniform(0.012, 0.03) * w
            bh = rng.uniform(0.6, 0.9) * (shelf - 0.04 * h)
            color = _rgb(rng.choice(BOOK_COLORS))
            draw.rectangle((x, floor - bh, x + bw, floor), fill=color)
            band = floor - bh * 0.8
            draw.rectangle((x, band, x + bw, band + 0.008 * h), fill=_shade(color, 1.5))
            x += bw + 0.002 * w + (0.03 * w if rng.random() < 0.04 else 0)
        draw.rectangle((0, floor, w, floor + 0.03 * h), fill=wood)


def _scene_gallery(draw, w, h, rng, picture):
    accent = picture.colors[2]
    draw.rectangle((0, 0.8 * h, w, h), fill=(176, 140, 104))
    draw.line((0, 0.8 * h, w, 0.8 * h), fill=(90, 70, 50), width=max(1, int(0.004 * w)))
    palette = [_rgb(accent), (38, 70, 83), (42, 157, 143), (233, 196, 106), (244, 162, 97)]
    for i, x in enumerate((0.08, 0.39, 0.7)):
        x0, frame_h = x * w, rng.uniform(0.36, 0.46) * h
        y0 = 0.42 * h - frame_h / 2
        x1, y1 = x0 + 0.22 * w, y0 + frame_h
        draw.rectangle((x0, y0, x1, y1), fill=(60, 48, 38))
        pad = 0.012 * w
        draw.rectangle((x0 + pad, y0 + pad, x1 - pad, y1 - pad), fill=(244, 240, 230))
        for k in range(6):
            cx, cy = (
                rng.uniform(x0 + 2 * pad, x1 - 2 * pad),
                rng.uniform(y0 + 2 * pad, y1 - 2 * pad),
            )
            r = rng.uniform(0.015, 0.05) * w
            box = (
                max(cx - r, x0 + pad),
                max(cy - r, y0 + pad),
                min(cx + r, x1 - pad),
                min(cy + r, y1 - pad),
            )
            shape = draw.ellipse if (i + k) % 2 else draw.rectangle
            shape(box, fill=(*rng.choice(palette), 210))
        draw.rectangle(
            (x0 + 0.08 * w, y1 + 0.04 * h, x0 + 0.14 * w, y1 + 0.06 * h), fill=(240, 240, 240)
        )
    draw.rectangle((0.38 * w, 0.86 * h, 0.62 * w, 0.9 * h), fill=(40, 40, 40))


def _scene_stadium(draw, w, h, rng, picture):
    top, _, pitch = picture.colors
    indoor = picture.variant == "indoor"
    draw.rectangle((0, 0.2 * h, w, 0.52 * h), fill=_shade(top, 0.6))
    dot = max(1.0, 0.004 * w)
    for _ in range(900):
        _disc(draw, rng.uniform(0, w), rng.uniform(0.22, 0.5) * h, dot, rng.choice(CROWD))
    if indoor:
        for i in range(12):
            x = i * w / 11
            draw.line((x, 0, w / 2, 0.18 * h), fill=(90, 90, 95), width=max(1, int(0.002 * w)))
    else:
        for x in (0.06, 0.94):
            draw.line(
                (x * w, 0.08 * h, x * w, 0.22 * h), fill=(60, 60, 60), width=max(1, int(0.004 * w))
            )
            draw.rectangle(
                (x * w - 0.04 * w, 0.03 * h, x * w + 0.04 * w, 0.08 * h), fill=(255, 255, 230)
            )
    field = [(0.12 * w, 0.52 * h), (0.88 * w, 0.52 * h), (1.15 * w, h), (-0.15 * w, h)]
    draw.polygon(field, fill=_rgb(pitch))
    if not indoor:  # mowing stripes across the pitch

        def left(y):  # x of the pitch's left edge at height y (a fraction of h)
            return (0.12 - 0.27 * (y - 0.52) / 0.48) * w

        for k in range(0, 8, 2):
            y0, y1 = 0.52 + k * 0.06, 0.52 + (k + 1) * 0.06
            band = [(left(y0), y0 * h), (w - left(y0), y0 * h), (w - left(y1), y1 * h)]
            draw.polygon([*band, (left(y1), y1 * h)], fill=(255, 255, 255, 22))
    line = max(1, int(0.003 * w))
    white = (245, 245, 245)
    draw.line((0.5 * w, 0.52 * h, 0.5 * w, h), fill=white, width=line)
    draw.ellipse((0.4 * w, 0.66 * h, 0.6 * w, 0.84 * h), outline=white, width=line)
    draw.polygon(
        [(0.14 * w, 0.54 * h), (0.86 * w, 0.54 * h), (1.1 * w, h), (-0.1 * w, h)],
        outline=white,
        width=line,
    )
    board = (0.42 * w, 0.04 * h, 0.58 * w, 0.16 * h)
    draw.rectangle(board, fill=(12, 12, 12))
    _text_in_box(draw, board, picture.label, _font(int(0.07 * h)), (255, 183, 3))


def _scene_lab(draw, w, h, rng, picture):
    accent = picture.colors[2]
    side = 0.05 * w
    for row in range(int(h / side) + 2):
        for col in range(int(w / side) + 2):
            cx, cy = col * side * 1.5, row * side * 1.7 + (col % 2) * side * 0.85
            hexagon = [
                (cx + side * math.cos(a), cy + side * math.sin(a))
                for a in (k * math.pi / 3 for k in range(6))
            ]
            draw.polygon(hexagon, outline=(0, 80, 120, 25))
    colors = [_rgb(accent), (17, 138, 178), (239, 71, 111), (7, 59, 76), (255, 209, 102)]
    for _ in range(3):
        cx, cy = rng.uniform(0.12, 0.55) * w, rng.uniform(0.2, 0.8) * h
        nodes = [(cx, cy)]
        for _ in range(rng.randint(4, 7)):
            px, py = rng.choice(nodes)
            angle = rng.uniform(0, 2 * math.pi)
            node = (px + 0.07 * w * math.cos(angle), py + 0.07 * w * math.sin(angle))
            draw.line((px, py, *node), fill=(60, 60, 70), width=max(1, int(0.004 * w)))
            nodes.append(node)
        for x, y in nodes:
            _disc(draw, x, y, rng.uniform(0.015, 0.028) * w, rng.choice(colors))
    fx, line = 0.78 * w, max(1, int(0.004 * w))
    flask = [
        (fx - 0.03 * w, 0.2 * h),
        (fx - 0.03 * w, 0.45 * h),
        (fx - 0.14 * w, 0.86 * h),
        (fx + 0.14 * w, 0.86 * h),
        (fx + 0.03 * w, 0.45 * h),
        (fx + 0.03 * w, 0.2 * h),
    ]
    liquid = [(fx - 0.085 * w, 0.65 * h), (fx + 0.085 * w, 0.65 * h), *flask[3:1:-1]]
    draw.polygon(liquid, fill=_rgba(accent, 190))
    draw.line([*flask], fill=(80, 90, 100), width=line)
    for _ in range(6):
        _disc(
            draw,
            fx + rng.uniform(-0.05, 0.05) * w,
            rng.uniform(0.68, 0.82) * h,
            rng.uniform(0.004, 0.01) * w,
            (255, 255, 255, 160),
        )


def _scene_stars(draw, w, h, rng, picture):
    accent = picture.colors[2]
    for _ in range(8):
        cx, cy = rng.uniform(0, w), 0.35 * h + rng.uniform(-0.1, 0.1) * h
        draw.ellipse(
            (cx - 0.2 * w, cy - 0.06 * h, cx + 0.2 * w, cy + 0.06 * h), fill=(180, 190, 255, 12)
        )
    for _ in range(450):
        r = rng.choice((0.5, 0.8, 1.2, 1.8)) * w / 1600
        _disc(
            draw,
            rng.uniform(0, w),
            rng.uniform(0, 0.78) * h,
            max(0.5, r),
            (255, 255, 255, rng.randint(110, 255)),
        )
    px, py, r = 0.72 * w, 0.28 * h, 0.05 * w
    _disc(draw, px, py, r, _rgb(accent))
    draw.ellipse(
        (px - 2 * r, py - 0.4 * r, px + 2 * r, py + 0.4 * r),
        outline=(240, 220, 170),
        width=max(1, int(0.004 * w)),
    )
    _hill(draw, w, h, rng, 0.82 * h, 0.03 * h, (5, 8, 20))
    draw.rectangle((0.18 * w, 0.74 * h, 0.32 * w, 0.9 * h), fill=(35, 38, 55))
    draw.chord((0.18 * w, 0.64 * h, 0.32 * w, 0.84 * h), 180, 360, fill=(200, 205, 215))
    draw.rectangle((0.245 * w, 0.645 * h, 0.255 * w, 0.74 * h), fill=(20, 22, 35))


def _scene_portrait(draw, w, h, rng, picture):
    clothes = _rgb(picture.colors[2])
    skin, hair = _rgb(rng.choice(SKIN_TONES)), _rgb(rng.choice(HAIR_COLORS))
    if picture.variant == "long":
        draw.rounded_rectangle((0.25 * w, 0.15 * h, 0.75 * w, 0.75 * h), radius=0.2 * w, fill=hair)
    draw.ellipse((0.06 * w, 0.72 * h, 0.94 * w, 1.4 * h), fill=clothes)
    draw.rectangle((0.43 * w, 0.5 * h, 0.57 * w, 0.78 * h), fill=_shade(skin, 0.9))
    draw.polygon(
        [(0.4 * w, 0.74 * h), (0.5 * w, 0.86 * h), (0.6 * w, 0.74 * h)], fill=_shade(skin, 0.9)
    )
    draw.ellipse((0.31 * w, 0.18 * h, 0.69 * w, 0.6 * h), fill=skin)
    draw.chord((0.29 * w, 0.14 * h, 0.71 * w, 0.5 * h), 180, 360, fill=hair)
    for ex in (0.43, 0.57):
        _disc(draw, ex * w, 0.4 * h, 0.012 * w, (40, 30, 30))
    draw.arc(
        (0.43 * w, 0.44 * h, 0.57 * w, 0.52 * h),
        20,
        160,
        fill=(150, 70, 70),
        width=max(1, int(0.006 * w)),
    )


SCENES = {
    "skyline": _scene_skyline,
    "tram": _scene_tram,
    "landscape": _scene_landscape,
    "industry": _scene_industry,
    "chart": _scene_chart,
    "crane": _scene_crane,
    "stage": _scene_stage,
    "books": _scene_books,
    "gallery": _scene_gallery,
    "stadium": _scene_stadium,
    "lab": _scene_lab,
    "stars": _scene_stars,
    "portrait": _scene_portrait,
}


def _watermark(draw, w, h):
    font = _font(int(min(w, h) * 0.03))
    text = "newsroom · Demo"
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    pad = max(2, int(min(w, h) * 0.012))
    x1, y1 = w - pad, h - pad
    x0, y0 = x1 - (right - left) - 2 * pad, y1 - (bottom - top) - 2 * pad
    draw.rectangle((x0, y0, x1, y1), fill=(0, 0, 0, 110))
    draw.text((x0 + pad - left, y0 + pad - top), text, font=font, fill=(255, 255, 255, 230))


def render_picture(picture, scale=1.0):
    """Draw one demo picture and return it as JPEG bytes (same picture for the same key)."""
    base = PORTRAIT_SIZE if picture.portrait else LANDSCAPE_SIZE
    w, h = (max(16, round(side * scale)) for side in base)
    rng = random.Random(f"{SEED}-{picture.key}")
    canvas = _gradient((w, h), picture.colors[0], picture.colors[1])
    draw = ImageDraw.Draw(canvas, "RGBA")
    SCENES[picture.scene](draw, w, h, rng, picture)
    _watermark(draw, w, h)
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


# --- loading ----------------------------------------------------------------------------------


@dataclass
class DemoResult:
    sections: int
    authors: int
    images: int
    images_drawn: int
    articles: int
    published: int
    scheduled: int
    drafts: int
    bylines: int
    bullets: int
    cross_links: int
    tags: int
    admin_username: str = ""
    admin_password: str = ""

    def summary(self):
        """A few lines in German for the person who ran the command."""
        lines = [
            "Demo-Redaktion geladen:",
            f"  {self.sections} Ressorts, {self.authors} Autor:innen, "
            f"{self.images} Bilder ({self.images_drawn} neu gezeichnet)",
            f"  {self.articles} Artikel: {self.published} veröffentlicht, "
            f"{self.scheduled} geplant, {self.drafts} Entwürfe",
            f"  {self.bylines} Autorenzeilen, {self.bullets} Stichpunkte, "
            f"{self.cross_links} Querverweise, {self.tags} Schlagwörter",
            f"  Startseite: Aufmacher und {len(HOME_HIGHLIGHTS)} hervorgehobene Artikel; "
            f"{len(OLD_SLUGS)} alte Adresse mit Weiterleitung; Website-Einstellungen mit "
            f"{len(SOCIAL_ACCOUNTS)} Social-Media-Konten",
        ]
        if self.admin_username:
            lines.append(
                f"Admin: {DEV_SERVER}{reverse('admin:index')}  "
                f"Benutzer: {self.admin_username}  Passwort: {self.admin_password}"
            )
        return "\n".join(lines)


def load_demo(*, image_scale=1.0, admin_username="", now=None):
    """
    Create or reset the demo newsroom, in one transaction, and return what was loaded.

    ``image_scale`` shrinks newly drawn pictures (tests use small ones). With
    ``admin_username``, that user is created or updated as a superuser with a new password.
    """
    check_demo_data()
    now = now or timezone.now()
    new_files = []  # (storage, name) of files written, removed again if the transaction fails
    try:
        with transaction.atomic():
            sections = _load_sections()
            images = _load_images(image_scale, new_files)
            authors = _load_authors(images)
            articles = _load_articles(
                sections, images, authors, _timeline(now, random.Random(SEED))
            )
            _load_home_page(articles)
            _load_old_addresses(articles)
            _load_site_settings()
            password = _ensure_admin(admin_username) if admin_username else ""
    except BaseException:
        for storage, name in new_files:
            storage.delete(name)
        raise
    statuses = [item.status for item in ARTICLES]
    return DemoResult(
        sections=len(SECTIONS),
        authors=len(AUTHORS),
        images=len(IMAGES),
        images_drawn=len(new_files),
        articles=len(ARTICLES),
        published=statuses.count(PUBLISHED),
        scheduled=statuses.count(SCHEDULED),
        drafts=statuses.count(DRAFT),
        bylines=sum(len(item.authors) for item in ARTICLES),
        bullets=sum(len(item.bullets) for item in ARTICLES),
        cross_links=sum(len(item.related) for item in ARTICLES),
        tags=len({tag for item in ARTICLES for tag in item.tags}),
        admin_username=admin_username,
        admin_password=password,
    )


def _load_sections():
    sections = {}
    for position, (name, slug) in enumerate(SECTIONS, start=1):
        sections[slug], _ = Section.objects.update_or_create(
            slug=slug, defaults={"name": name, "position": position * 10}
        )
    return sections


def _find_demo_image(key):
    stem = re.escape(FILE_STEM.format(key=key))
    return Image.objects.filter(file__regex=rf"(^|/){stem}-[0-9a-f]+\.jpg$").order_by("pk").first()


# The picture desk's side of some demo pictures: copyright notices as agencies deliver them,
# the newsroom's own photos, licences that end (in days from today; negative: ended) and
# focal points away from the centre.
PICTURE_RIGHTS = {
    "rathaus": {"copyright": "© picture alliance/dpa", "usable_for_days": 365},
    "bundestag": {"copyright": "© dpa-infocom GmbH"},
    "industrie": {"copyright": "© picture alliance / ZUMA Press", "focal": (30, 55)},
    "landtag": {
        "copyright": "© IMAGO/Sven Simon",
        "usable_for_days": 20,
        "usage_notes": "Nur für die Berichterstattung über den Landtag.",
    },
    "chart": {
        "copyright": "© IMAGO/Shotshop",
        "usable_for_days": -3,
        "usage_notes": "Lizenz für ein Jahr, nicht verlängert.",
    },
    "stadion": {"copyright": "© IMAGO/Sven Simon", "focal": (60, 40)},
    "portrait_mm": {"is_own": True},
    "portrait_kw": {"is_own": True},
}


def _load_images(scale, new_files):
    images = {}
    today = timezone.localdate()
    for picture in IMAGES:
        image = _find_demo_image(picture.key) or Image()
        image.caption = picture.caption
        image.alt_text = picture.alt_text
        rights = PICTURE_RIGHTS.get(picture.key, {})
        image.is_own = rights.get("is_own", False)
        image.credit_line = "" if image.is_own else picture.credit_line
        image.photographer = picture.photographer
        image.copyright = rights.get("copyright", "")
        image.usage_notes = rights.get("usage_notes", "")
        days = rights.get("usable_for_days")
        image.usable_until = today + timedelta(days=days) if days is not None else None
        image.focal_x, image.focal_y = rights.get("focal", (50, 50))
        if not image.file or not image.file.storage.exists(image.file.name):
            # The content needs a name: Django reads width and height from it, not from storage.
            name = f"{FILE_STEM.format(key=picture.key)}.jpg"
            image.file.save(name, ContentFile(render_picture(picture, scale), name), save=False)
            new_files.append((image.file.storage, image.file.name))
        image.save()
        images[picture.key] = image
    return images


def _load_authors(images):
    authors = {}
    for person in AUTHORS:
        authors[person.code], _ = Author.objects.update_or_create(
            short_code=person.code,
            defaults={
                "name": person.name,
                "role_title": person.role,
                "slug": person.slug,
                "bio": person.bio,
                "photo": images.get(person.photo),
            },
        )
    return authors


def _timeline(now, rng):
    """
    key -> (status, published_at, updated_at), relative to ``now``.

    Published articles go back in time from a few minutes ago, a few hours apart (in a
    shuffled but seeded order), and never between midnight and six in the morning.
    """
    timeline = {}
    published = [item for item in ARTICLES if item.status == PUBLISHED]
    rng.shuffle(published)
    cursor = now - timedelta(minutes=rng.randint(15, 50))
    for item in published:
        moment = timezone.localtime(cursor).replace(second=0, microsecond=0)
        if moment.hour < 6:  # nobody publishes at night here: move to the evening before
            evening = moment - timedelta(days=1)
            moment = evening.replace(hour=rng.randint(20, 22), minute=rng.randint(0, 59))
        updated_at = None
        if item.updated:  # a material update, some time after publication, but not in future
            room = int((now - moment).total_seconds() // 120)
            updated_at = moment + timedelta(minutes=max(1, min(rng.randint(40, 300), room)))
        timeline[item.key] = (Article.Status.PUBLISHED, moment, updated_at)
        cursor = moment - timedelta(minutes=rng.randint(180, 720))
    for item in ARTICLES:
        if item.status == SCHEDULED:
            ahead = timezone.localtime(now + timedelta(hours=item.publish_in_hours))
            on_the_hour = ahead.replace(minute=0, second=0, microsecond=0)
            timeline[item.key] = (Article.Status.SCHEDULED, on_the_hour, None)
        elif item.status == DRAFT:
            timeline[item.key] = (Article.Status.DRAFT, None, None)
    return timeline


def _load_articles(sections, images, authors, timeline):
    articles = {}
    for item in ARTICLES:
        status, published_at, updated_at = timeline[item.key]
        article, _ = Article.objects.update_or_create(
            slug=item.slug,
            defaults={
                "kicker": item.kicker,
                "headline": item.headline,
                "section": sections[item.section],
                "hero_image": images.get(item.image),
                "hero_caption": item.caption,
                "lead": item.lead,
                "body": render_body(item.body),
                "status": status,
                "published_at": published_at,
                "first_published_at": (
                    published_at if status == Article.Status.PUBLISHED else None
                ),
                "updated_at": updated_at,
            },
        )
        # The ordered parts are replaced wholesale, so a second run leaves the same rows.
        article.bylines.all().delete()
        Byline.objects.bulk_create(
            Byline(article=article, author=authors[code], role=role, position=position)
            for position, (code, role) in enumerate(item.bylines, start=1)
        )
        article.bullets.all().delete()
        TeaserBullet.objects.bulk_create(
            TeaserBullet(article=article, text=text, position=position)
            for position, text in enumerate(item.bullets, start=1)
        )
        article.tags.set(list(item.tags))
        articles[item.key] = article
    for item in ARTICLES:
        article = articles[item.key]
        article.cross_links.all().delete()
        CrossLink.objects.bulk_create(
            CrossLink(article=article, target=articles[key], position=position)
            for position, key in enumerate(item.related, start=1)
        )
    # A first revision per article, so its history and restore work from the start.
    for article in articles.values():
        with reversion.create_revision(atomic=False):
            reversion.set_comment("Demo-Inhalt geladen")
            reversion.add_to_revision(article)
    return articles


def _load_home_page(articles):
    home_page = HomePage.load()
    home_page.lead = articles[HOME_LEAD]
    home_page.save()
    home_page.highlights.all().delete()
    HomePageHighlight.objects.bulk_create(
        HomePageHighlight(home_page=home_page, article=articles[key], position=position)
        for position, key in enumerate(HOME_HIGHLIGHTS, start=1)
    )


def _load_old_addresses(articles):
    for key, (section, old_slug) in OLD_SLUGS.items():
        ArticleRedirect.objects.update_or_create(
            old_slug=old_slug, defaults={"article": articles[key], "old_section_slug": section}
        )


def _load_site_settings():
    site_settings, _ = SiteSettings.objects.update_or_create(
        pk=SiteSettings.SINGLETON_PK,
        defaults={"site_name": settings.NEWSROOM_SITE_NAME, **SITE_SETTINGS},
    )
    site_settings.social_accounts.all().delete()
    SocialAccount.objects.bulk_create(
        SocialAccount(site_settings=site_settings, network=network, url=url, position=position)
        for position, (network, url) in enumerate(SOCIAL_ACCOUNTS, start=1)
    )
    # bulk_create sends no signals: forget the cached settings here.
    clear_site_settings_cache()


def _ensure_admin(username):
    """Create or update ``username`` as an active superuser with a fresh password."""
    user_model = get_user_model()
    password = secrets.token_urlsafe(16)
    user, created = user_model._default_manager.get_or_create(
        **{user_model.USERNAME_FIELD: username}
    )
    if created and hasattr(user, "email"):
        user.email = f"{username}@newsroom.example"
    user.is_active = user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return password
