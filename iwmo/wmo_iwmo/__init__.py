"""iWmo 3.2 message layer: XSD validation, the WMO301 toewijzing, parsers of the incoming
messages (305, 307, 315, 317, 323), checks of start / stop / declaratie lines against a
toewijzing, and the retour answer.

Pure code: no database, no HTTP, no clock (dates and times are passed in). The XSDs of the
Zorginstituut (iWmo 3.2, XSD version 1.0.0) ship in ``xsd/`` and are loaded from the package.
"""
