"""Report-like PDFs built in the test run with fpdf2, from our own sentences (true to public facts).

A page of a UN or think-tank report is what trips text extraction: two columns,
footnotes, a table, a running header and footer with the page number, and words
hyphenated at line ends. `write_report` builds one with any number of pages;
`benchmarks/pdf.py` uses it too.
"""
from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

TITLE = "Arms transfers in 2022 and 2023"
HEADER = "Arms Transfers Monitor - Annual Review 2023"
FOOTER_ORG = "Independent arms-control research"

# Each sentence is true and extracts to a transfer record; pages 5 and on cycle through them.
FACTS: tuple[str, ...] = (
    "In August 2022 Iran delivered Shahed-136 drones to Russia, according to the United States.",
    "Germany delivered Leopard 2 tanks to Ukraine in March 2023.",
    "The United Kingdom supplied Storm Shadow cruise missiles to Ukraine in May 2023.",
    "The United States sent HIMARS rocket launchers to Ukraine in June 2022.",
    "Russia delivered S-400 missile systems to Turkey in July 2019.",
    "France delivered Caesar howitzers to Ukraine in 2022.",
    "Germany delivered IRIS-T air defence systems to Ukraine in October 2022.",
)
# Page 3's claim: on page 3, and again on pages 9, 16... of longer reports.
PAGE_THREE = "The United Kingdom supplied Storm Shadow cruise missiles to Ukraine in May 2023."
# Two columns of page 2: each column a paragraph that must come out whole, not interleaved line by line.
LEFT_COLUMN = ("Germany delivered Leopard 2 tanks to Ukraine in March 2023. The tanks came from "
               "Bundeswehr stocks and crews had trained in Germany during the winter.")
RIGHT_COLUMN = ("France delivered Caesar howitzers to Ukraine in 2022. The guns are truck-mounted "
                "and fire 155 mm shells at targets up to forty kilometres away.")
FOOTNOTE_MARK = "1"
FOOTNOTE = "1 Statement by the White House National Security Council, 13 October 2022."
# A sentence laid out by hand so that "ammunition" breaks as "ammu-" / "nition" at a line end.
HYPHENATED = ("The White House said in October 2023 that North Korea had delivered ammu-",
              "nition and military equipment to Russia.")
TABLE = (("Supplier", "Recipient", "Weapon", "Year"),
         ("Iran", "Russia", "Shahed-136", "2022"),
         ("Germany", "Ukraine", "Leopard 2", "2023"),
         ("Russia", "Turkey", "S-400", "2019"))
FILLER = ("Deliveries were reported by governments, by the recipients' armed forces and by independent "
          "researchers who traced serial numbers on recovered weapons. Each figure below counts only "
          "transfers that at least one government confirmed in public.")
# Body paragraphs of the long pages, in turn, so that no body line ends half the pages (as in a real report).
BODY = (FILLER,
        "Export licences are public in some supplying states and secret in others, so the record of a "
        "transfer often rests on what the recipient shows on parade or in combat footage.",
        "The Arms Trade Treaty asks its States Parties to report their exports and imports of conventional "
        "arms each year; many reports arrive late and some leave out whole categories of weapons.",
        "Where two sources disagree on a quantity, the lower figure is given and the higher one noted, "
        "with both sources named in the notes at the end of the chapter.")


class Report(FPDF):
    """An A4 report with a running header and a "Page N of M" footer on every page."""

    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 8, HEADER, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 5, FOOTER_ORG, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def _two_columns(pdf: FPDF) -> None:
    top = pdf.get_y()
    width = (pdf.w - pdf.l_margin - pdf.r_margin - 10) / 2
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(pdf.l_margin, top)
    pdf.multi_cell(width, 6, LEFT_COLUMN)
    pdf.set_xy(pdf.l_margin + width + 10, top)
    pdf.multi_cell(width, 6, RIGHT_COLUMN)
    pdf.set_xy(pdf.l_margin, top + 60)


def _footnoted(pdf: FPDF) -> None:
    pdf.set_font("Helvetica", size=11)
    pdf.write(6, "In August 2022 Iran delivered Shahed-136 drones to Russia, according to the United States.")
    pdf.set_font("Helvetica", size=7)
    pdf.write(4, FOOTNOTE_MARK)
    pdf.set_font("Helvetica", size=11)
    pdf.write(6, " Officials said more deliveries followed.")
    pdf.ln(10)
    pdf.set_y(pdf.h - 30)
    pdf.set_font("Helvetica", size=8)
    pdf.cell(0, 5, FOOTNOTE, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _table(pdf: FPDF) -> None:
    pdf.set_font("Helvetica", size=10)
    with pdf.table(col_widths=(40, 40, 50, 20)) as table:
        for cells in TABLE:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(4)


def _hyphenated(pdf: FPDF) -> None:
    pdf.set_font("Helvetica", size=11)
    for line in HYPHENATED:
        pdf.cell(0, 6, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def write_report(path: Path, pages: int = 5, *, body: int = 4) -> Path:
    """A report of `pages` pages: 1 title, prose and a hyphenated line, 2 two columns, 3 a footnote, 4 a table.

    Pages 5 and on hold one claim among `body` paragraphs of prose (4: about 1,100 characters a page).
    """
    pdf = Report(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_title("Arms Transfers Monitor")
    for number in range(1, pages + 1):
        pdf.add_page()
        if number == 1:
            pdf.set_font("Helvetica", "B", 14)
            pdf.cell(0, 10, TITLE, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            _paragraph(pdf, FILLER)
            _hyphenated(pdf)
        elif number == 2:
            _two_columns(pdf)
        elif number == 3:
            _paragraph(pdf, PAGE_THREE)
            _footnoted(pdf)
        elif number == 4:
            _table(pdf)
        else:
            turn = [BODY[(number + i) % len(BODY)] for i in range(body)]
            for paragraph in (*turn[:2], FACTS[number % len(FACTS)], *turn[2:]):
                _paragraph(pdf, paragraph)
    pdf.output(str(path))
    return path
