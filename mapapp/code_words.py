"""The words the pages show for the data's codes: a document's kind, a place's kind and how certain its location is,
a movement's kind and status.

Message ids (translated where shown); the scripts' twin table is static/js/kinds.js, and a test
keeps the two the same. A code not listed is shown as it is.
"""
from __future__ import annotations

from mapapp.message_ids import N_

DOCUMENT_KIND_WORDS = {"letter": N_("Letter"), "telegram": N_("Telegram"), "memorandum": N_("Memorandum"),
                       "report": N_("Report"), "minutes": N_("Minutes"), "transcript": N_("Transcript"),
                       "agreement": N_("Agreement"), "address": N_("Address"), "interview": N_("Interview"),
                       "other": N_("Document")}
PLACE_KIND_WORDS = {"settlement": N_("settlement"), "region": N_("region"), "district": N_("district"),
                    "province": N_("province"), "country": N_("country"), "river": N_("river"), "lake": N_("lake"),
                    "ridge": N_("ridge"), "mountain": N_("mountain"), "pass": N_("mountain pass"), "other": N_("place")}
MOVEMENT_KIND_WORDS = {"advance": N_("advance"), "attack": N_("attack"), "journey": N_("journey"),
                       "occupation": N_("occupation"), "transfer": N_("transfer"), "withdrawal": N_("withdrawal")}
MOVEMENT_STATUS_WORDS = {"occurred": N_("occurred"), "habitual": N_("habitual"), "agreed": N_("agreed"),
                         "ordered": N_("ordered"), "ordered, not secured": N_("ordered, not secured"),
                         "intended": N_("intended"), "demanded": N_("demanded"), "expected": N_("expected"),
                         "proposed": N_("proposed"), "under way": N_("under way")}
CERTAINTY_WORDS = {"certain": N_("certain"), "probable": N_("probable"), "approximate": N_("approximate"),
                   "uncertain": N_("uncertain"), "unknown": N_("unknown")}
