"""An LMS package of the built book: SCORM 1.2 or SCORM 2004 4th edition, one activity (one SCO).

* :mod:`medialit.scorm.manifest` writes ``imsmanifest.xml``;
* :mod:`medialit.scorm.package` puts the built book, the launcher (``launcher.html``, ``launcher.js``, ``codec.js``,
  package data of this folder) and the manifest into one zip file.
"""

from __future__ import annotations

from medialit.scorm.manifest import ScormVersion, manifest_xml
from medialit.scorm.package import PackageError, PackageSummary, build_package

__all__ = ["PackageError", "PackageSummary", "ScormVersion", "build_package", "manifest_xml"]
