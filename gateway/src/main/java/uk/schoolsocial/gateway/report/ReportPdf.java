package uk.schoolsocial.gateway.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The governors' report as PDF: its XHTML page ({@link ReportPage}) laid out by openhtmltopdf on
 * pdfbox, the charts as the page's inline PNGs. No browser and no display are involved.
 */
final class ReportPdf {

    private ReportPdf() {
    }

    static byte[] of(String xhtml) {
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lay out the governors' report as PDF", e);
        }
    }
}
