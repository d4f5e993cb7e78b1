"""Intake owns the aanvraag (issue 12.1): its contract ``AanvraagFeiten``, read with this
service's own service token before a transaction opens (the one client indicatie and pgb share,
in ``wmo_shared.aanvraagfeiten``)."""

from wmo_shared.aanvraagfeiten import aanvraagfeiten as aanvraagfeiten

__all__ = ["aanvraagfeiten"]
