"""Bodies named in Spanish, Portuguese, French or Italian inside English news.

English news keeps such names as they are written at home: "Defensoría del Pueblo",
"Associação dos Comerciantes do Bolhão", "Groupement des Armateurs et Industriels de la Pêche
au Sénégal". The small English model stops at the first lowercase connector ("Associação"),
or part-way ("Coordinadora de Pueblos Unidos" of "… por el Agua", "Asociación de Milongas" of
"… Porteñas"), or tags nothing at all. A name that opens with a Romance kind of body, or
already holds a Romance connector, goes on over each connector and the capitalised words
after it, and over the words that say which body it is, which these languages put after the
kind ("Dirección" + " Policial Anti Maras y Pandillas …"); a kind of body, maybe those words,
a connector and a capitalised word the model did not tag are such a name too ("Fiscalía
General del Estado").
"""

from __future__ import annotations

import re
from functools import cache

from . import commonwords
from .anchored import LedPattern
from .clean import Mention
from .missed import on_stray

#: Kinds of body that open a name in Spanish, Portuguese, French or Italian.
ROMANCE_ORG_KINDS: frozenset[str] = frozenset(
    # Spanish
    {"asociación", "coordinadora", "confederación", "federación", "fundación", "sindicato"}
    | {"cooperativa", "universidad", "instituto", "banco", "compañía", "empresa", "secretaría"}
    | {"ministerio", "defensoría", "procuraduría", "fiscalía", "contraloría", "corporación"}
    | {"consejo", "comisión", "junta", "cámara", "juzgado", "dirección", "agencia", "caja"}
    | {"partido", "movimiento", "unión", "alianza", "colectivo", "comité", "superintendencia"}
    | {"registraduría", "gobernación", "alcaldía", "policía", "sociedad", "organización"}
    | {"servicio", "centro", "frente", "colegio", "escuela", "red", "mesa", "oficina"}
    | {"institución", "concejo", "servicios", "empresas"}
    # Portuguese
    | {"associação", "confederação", "federação", "fundação", "universidade", "companhia"}
    | {"secretaria", "ministério", "defensoria", "procuradoria", "corporação", "conselho"}
    | {"comissão", "câmara", "serviço", "agência", "caixa", "movimento", "união", "aliança"}
    | {"prefeitura", "polícia", "sociedade", "organização", "escola", "colégio", "comitê"}
    | {"instituição", "serviços"}
    # French
    | {"association", "coordination", "confédération", "fédération", "fondation", "syndicat"}
    | {"coopérative", "université", "institut", "banque", "compagnie", "société", "ministère"}
    | {"conseil", "chambre", "direction", "agence", "caisse", "mouvement", "collectif"}
    | {"groupement", "régie", "observatoire", "école", "mairie", "préfecture", "gendarmerie"}
    # Italian
    | {"associazione", "confederazione", "federazione", "fondazione", "sindacato", "università"}
    | {"istituto", "banca", "società", "ministero", "consiglio", "commissione", "tribunale"}
    | {"agenzia", "partito", "comitato", "procura", "polizia", "comune", "ufficio", "scuola"}
)

#: A Romance connector inside a body's name, with what follows it (a space, or nothing after
#: an elided article: "d'Ivoire", "de l'Environnement").
_CONNECTOR = (
    r"(?:de la |de las |de los |de l['’]|del |de |d['’]|do |da |dos |das |du |des |della |dello "
    r"|degli |delle |dei |di |au |aux |por el |por la |por los |por |para el |para la |para "
    r"|pour la |pour le |pour les |pour |contra el |contra la |contra los |contra las |contra "
    r"|pro |et |e |y )"
)
#: ... and inside a name already going on: "a" ("Atención Integral a Personas Privadas …").
_INNER = rf"(?:{_CONNECTOR}|a |ao |aos |à |às )"
_CAP = r"[A-ZÀ-Þ][\w’'-]+"
#: The rest of a name: connectors, each followed by capitalised words.
_TAIL = re.compile(rf"(?: {_INNER}{_CAP}(?: {_CAP})*)+")
#: ... or capitalised words first, what a kind of body takes after it in these languages
#: ("Asociación de Milongas" + " Porteñas", "Dirección" + " Policial Anti Maras y …").
_WORDS_TAIL = re.compile(rf"(?: {_CAP})+(?: {_INNER}{_CAP}(?: {_CAP})*)*")
#: Any connector before a capitalised word: most English articles have none, and then no
#: Romance body's name can be untagged in them.
#: (Tried only where a space and a connector are written, found in the scan every
#: `LedPattern` shares: `re` tried the alternation at every space of a body with none.)
_ANY_CONNECTOR = LedPattern(
    re.compile(rf" {_CONNECTOR}[A-ZÀ-Þ]"),
    [
        " " + alt.replace("['’]", quote)
        for alt in _CONNECTOR.removeprefix("(?:").removesuffix(")").split("|")
        for quote in ("'", "’")
    ],
)
#: A connector written inside a name the model drew.
_HAS_CONNECTOR = re.compile(rf" {_CONNECTOR}")


@cache
def _untagged() -> re.Pattern[str]:
    """A capitalised kind of body that is no English word ("Asociación", never "Junta" or
    "Red"), maybe the words that say which, a connector and a capitalised word: a name the
    model missed ("Fiscalía General del Estado")."""
    kinds = "|".join(k[0].upper() + k[1:] for k in sorted(ROMANCE_ORG_KINDS) if _foreign_kind(k))
    return re.compile(rf"(?<![\w’'-])({kinds})((?: {_CAP}){{0,3}}) {_CONNECTOR}{_CAP}")


def _romance_body(text: str) -> bool:
    return text.split(" ", 1)[0].casefold() in ROMANCE_ORG_KINDS


def _foreign_kind(word: str) -> bool:
    """A Romance kind of body that is no English word: "Asociación", never "Junta" or "Red"."""
    kind = word.casefold()
    return kind in ROMANCE_ORG_KINDS and not commonwords.is_word(kind)


def _rest_of_name(body: str, m: Mention, text: str) -> int:
    """Where a Romance body's name the model cut short really ends (or `m.end`)."""
    if not (_romance_body(text) or (m.label == "ORG" and _HAS_CONNECTOR.search(text))):
        return m.end
    x = _TAIL.match(body, m.end)
    if x is None and m.label == "ORG" and _foreign_kind(text.split(" ", 1)[0]):
        x = _WORDS_TAIL.match(body, m.end)
    return m.end if x is None else x.end()


def romance_orgs(body: str, mentions: list[Mention], stray: list[tuple[int, int]]) -> list[Mention]:
    """The mentions with each Romance body's whole name: "Associação" + " dos Comerciantes do
    Bolhão" (the model's span goes on), and "Defensoría del Pueblo" (the model tagged none)."""
    out: list[Mention] = []
    swallowed = -1
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.start < swallowed:
            continue
        end = _rest_of_name(body, m, body[m.start : m.end])
        if end > m.end:
            m = Mention(m.start, end, "ORG", org_word=True)
            swallowed = end
            while out and out[-1].end > m.start:  # a part the model drew inside it
                out.pop()
        out.append(m)
    for y in _untagged().finditer(body) if next(_ANY_CONNECTOR.finditer(body), None) else ():
        if body[max(0, y.start(1) - 2) : y.start(1)].strip() in ("(", "“", '"'):
            continue  # "the Bank of Spain (Banco de España)": a name given in another language
        tail = _TAIL.match(body, y.end(2))
        start, end = y.start(1), tail.end() if tail else y.end()
        crossed = [m for m in out if m.start < end and start < m.end]
        # what the model drew after the kind is part of the name ("del Estado" of "Fiscalía
        # General del Estado"); a name the kind opens or crosses stands
        if any(m.start <= start or m.end > end for m in crossed) or on_stray(start, end, stray):
            continue
        out = [m for m in out if m not in crossed]
        out.append(Mention(start, end, "ORG", org_word=True))
    return sorted(out, key=lambda m: (m.start, m.end))
