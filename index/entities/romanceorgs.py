"""Bodies named in Spanish, Portuguese, French or Italian inside English news.

English news keeps such names as they are written at home: "Defensoría del Pueblo",
"Associação dos Comerciantes do Bolhão", "Groupement des Armateurs et Industriels de la Pêche
au Sénégal". The small English model stops at the first lowercase connector ("Associação"),
or part-way ("Coordinadora de Pueblos Unidos" of "… por el Agua"), or tags nothing at all. A
name that opens with a Romance kind of body, or already holds a Romance connector, goes on
over each connector and the capitalised words after it; a kind of body, a connector and a
capitalised word the model did not tag are such a name too.
"""

from __future__ import annotations

import re

from . import commonwords
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
    # Portuguese
    | {"associação", "confederação", "federação", "fundação", "universidade", "companhia"}
    | {"secretaria", "ministério", "defensoria", "procuradoria", "corporação", "conselho"}
    | {"comissão", "câmara", "serviço", "agência", "caixa", "movimento", "união", "aliança"}
    | {"prefeitura", "polícia", "sociedade", "organização", "escola", "colégio", "comitê"}
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
    r"|pour la |pour le |pour les |pour |et |e |y )"
)
_CAP = r"[A-ZÀ-Þ][\w’'-]+"
#: The rest of a name: connectors, each followed by capitalised words.
_TAIL = re.compile(rf"(?: {_CONNECTOR}{_CAP}(?: {_CAP})*)+")
#: Any connector before a capitalised word: most English articles have none, and then no
#: Romance body's name can be untagged in them.
_ANY_CONNECTOR = re.compile(rf" {_CONNECTOR}[A-ZÀ-Þ]")
#: A connector written inside a name the model drew.
_HAS_CONNECTOR = re.compile(rf" {_CONNECTOR}")
#: A capitalised kind of body, a connector and a capitalised word: a name the model missed.
_UNTAGGED = re.compile(rf"(?<![\w’'-])({_CAP}) {_CONNECTOR}{_CAP}")


def _romance_body(text: str) -> bool:
    return text.split(" ", 1)[0].casefold() in ROMANCE_ORG_KINDS


def romance_orgs(body: str, mentions: list[Mention], stray: list[tuple[int, int]]) -> list[Mention]:
    """The mentions with each Romance body's whole name: "Associação" + " dos Comerciantes do
    Bolhão" (the model's span goes on), and "Defensoría del Pueblo" (the model tagged none)."""
    out: list[Mention] = []
    swallowed = -1
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.start < swallowed:
            continue
        text = body[m.start : m.end]
        x = _TAIL.match(body, m.end)
        if x is not None and (
            _romance_body(text) or (m.label == "ORG" and _HAS_CONNECTOR.search(text))
        ):
            m = Mention(m.start, x.end(), "ORG", org_word=True)
            swallowed = x.end()
            while out and out[-1].end > m.start:  # a part the model drew inside it
                out.pop()
        out.append(m)
    for y in _UNTAGGED.finditer(body) if _ANY_CONNECTOR.search(body) else ():
        kind = y.group(1).casefold()
        if kind not in ROMANCE_ORG_KINDS or commonwords.is_word(kind):
            continue  # "Association des …" may be an English sentence's word
        if body[max(0, y.start(1) - 2) : y.start(1)].strip() in ("(", "“", '"'):
            continue  # "the Bank of Spain (Banco de España)": a name given in another language
        tail = _TAIL.match(body, y.end(1))
        start, end = y.start(1), tail.end() if tail else y.end()
        if not any(m.start < end and start < m.end for m in out) and not on_stray(
            start, end, stray
        ):
            out.append(Mention(start, end, "ORG", org_word=True))
    return sorted(out, key=lambda m: (m.start, m.end))
