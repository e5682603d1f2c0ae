"""``imsmanifest.xml`` for one activity: one organization, one item, one SCO resource that lists every file.

SCORM 1.2 follows the ADL SCORM 1.2 content aggregation model (IMS content packaging 1.1.2 with the ``adlcp``
namespace, ``schemaversion`` 1.2); SCORM 2004 follows the 4th edition (IMS content packaging 1.1.4 with the
``adlcp``, ``adlseq``, ``adlnav`` and ``imsss`` namespaces, ``schemaversion`` "2004 4th Edition"). The XML schema
files are not shipped: learning platforms read the manifest without them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote

__all__ = ["LAUNCHER", "ScormVersion", "manifest_xml"]

LAUNCHER = "scorm/launcher.html"
"""The SCO: the page the learning platform opens, relative to the package's root."""


@dataclass(frozen=True)
class _Namespaces:
    content: str
    """The IMS content packaging namespace (the manifest's default namespace)."""
    adlcp: str
    """ADL's content packaging extension (``scormtype`` / ``scormType``)."""
    extra: tuple[tuple[str, str], ...]
    """Further prefixes declared on the root."""
    scorm_type: str
    """The attribute that marks the resource as a SCO."""
    schema_version: str
    """The text of ``<schemaversion>``."""


class ScormVersion(StrEnum):
    """The SCORM version a package is written for."""

    V1_2 = "1.2"
    """SCORM 1.2: the API object ``API``; suspend_data holds at most 4,096 characters."""
    V2004 = "2004"
    """SCORM 2004 4th edition: the API object ``API_1484_11``; suspend_data holds at most 64,000 characters."""

    @property
    def _names(self) -> _Namespaces:
        match self:
            case ScormVersion.V1_2:
                return _Namespaces(
                    "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
                    "http://www.adlnet.org/xsd/adlcp_rootv1p2",
                    (),
                    "scormtype",
                    "1.2",
                )
            case ScormVersion.V2004:
                return _Namespaces(
                    "http://www.imsglobal.org/xsd/imscp_v1p1",
                    "http://www.adlnet.org/xsd/adlcp_v1p3",
                    (
                        ("adlseq", "http://www.adlnet.org/xsd/adlseq_v1p3"),
                        ("adlnav", "http://www.adlnet.org/xsd/adlnav_v1p3"),
                        ("imsss", "http://www.imsglobal.org/xsd/imsss"),
                    ),
                    "scormType",
                    "2004 4th Edition",
                )

    @property
    def content_namespace(self) -> str:
        """The manifest's default namespace."""
        return self._names.content

    @property
    def adlcp_namespace(self) -> str:
        """The namespace of ``adlcp:scormtype`` (1.2) / ``adlcp:scormType`` (2004)."""
        return self._names.adlcp

    @property
    def scorm_type_attribute(self) -> str:
        """``scormtype`` (1.2) or ``scormType`` (2004)."""
        return self._names.scorm_type

    @property
    def schema_version(self) -> str:
        """The text of the manifest's ``<schemaversion>``."""
        return self._names.schema_version


def manifest_xml(version: ScormVersion, title: str, files: Iterable[str]) -> bytes:
    """The manifest of a package whose one SCO is :data:`LAUNCHER` and which holds ``files`` (paths in the zip,
    with ``/``; the manifest itself is not listed)."""
    names = version._names
    ET.register_namespace("", names.content)
    ET.register_namespace("adlcp", names.adlcp)
    for prefix, uri in names.extra:
        ET.register_namespace(prefix, uri)

    def tag(name: str) -> str:
        return f"{{{names.content}}}{name}"

    root = ET.Element(tag("manifest"), {"identifier": "medialit-course", "version": "1"})
    for prefix, uri in names.extra:
        root.set(f"xmlns:{prefix}", uri)  # declared once on the root, as platforms expect
    metadata = ET.SubElement(root, tag("metadata"))
    ET.SubElement(metadata, tag("schema")).text = "ADL SCORM"
    ET.SubElement(metadata, tag("schemaversion")).text = names.schema_version
    organizations = ET.SubElement(root, tag("organizations"), {"default": "medialit-organization"})
    organization = ET.SubElement(organizations, tag("organization"), {"identifier": "medialit-organization"})
    ET.SubElement(organization, tag("title")).text = title
    item = ET.SubElement(
        organization, tag("item"), {"identifier": "medialit-item", "identifierref": "medialit-sco", "isvisible": "true"}
    )
    ET.SubElement(item, tag("title")).text = title
    resources = ET.SubElement(root, tag("resources"))
    resource = ET.SubElement(
        resources,
        tag("resource"),
        {
            "identifier": "medialit-sco",
            "type": "webcontent",
            f"{{{names.adlcp}}}{names.scorm_type}": "sco",
            "href": LAUNCHER,
        },
    )
    for name in sorted(files):
        ET.SubElement(resource, tag("file"), {"href": quote(name)})
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))
