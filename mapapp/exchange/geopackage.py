"""The GIS layers written as one GeoPackage (OGC), days in real DATE columns, for QGIS and GDAL."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from mapapp.exchange.layers import DATE_COLUMNS


def _frame(collection: dict):
    import geopandas
    import pandas
    import pyarrow

    frame = geopandas.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")
    for column in DATE_COLUMNS & set(frame.columns):
        days = [date.fromisoformat(v) if isinstance(v, str) and len(v) == 10 else None for v in frame[column]]
        # An Arrow date32 column is what GDAL writes as a GeoPackage DATE (object columns become TEXT).
        frame[column] = pandas.array(days, dtype=pandas.ArrowDtype(pyarrow.date32()))
    return frame


def write_geopackage(layers: dict[str, dict], path: Path) -> None:
    """Write each non-empty layer to the GeoPackage at `path`, replacing the file whole."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.tmp.gpkg")
    tmp.unlink(missing_ok=True)
    for name, collection in layers.items():
        if collection["features"]:
            _frame(collection).to_file(tmp, layer=name, driver="GPKG", engine="pyogrio", use_arrow=True)
    tmp.replace(path)
