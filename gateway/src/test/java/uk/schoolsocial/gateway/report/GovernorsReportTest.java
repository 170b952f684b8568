package uk.schoolsocial.gateway.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.restassured.specification.RequestSpecification;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.gateway.GatewayApi;

/**
 * Issue 16 through a real gateway: {@code GET /api/v1/reports/governors} asks each service for its
 * figures as the caller acting for each school, and serves them as JSON, HTML and PDF; the PDF's
 * first page is rendered and its charts found drawn. Services are fakes over real HTTP.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernorsReportTest implements TestPropertyProvider {

    static final String DOWNSTREAM_PROPERTY = "test.report-downstream";
    private static final String REPORT = "/api/v1/reports/governors";
    /** Charts for one school: two of incidents by category and month, hours, escalations, takedowns,
     * accounts, messages, consent coverage (one per school), consent in the period. */
    private static final int CHARTS_FOR_ONE_SCHOOL = 9;

    @RegisterExtension
    static final GatewayApi GATEWAY = new GatewayApi(DOWNSTREAM_PROPERTY);

    private FakeFiguresController.Seen seen;

    @Override
    public Map<String, String> getProperties() {
        seen = GATEWAY.stubBean(FakeFiguresController.Seen.class);
        return GATEWAY.servicesAt("/fakes");
    }

    @BeforeEach
    void reset() {
        seen.calls.clear();
        seen.failing.clear();
    }

    /** A request for the autumn term's report. */
    private RequestSpecification as(String user) {
        return GATEWAY.as(user).queryParam("from", "2026-09-01").queryParam("to", "2026-12-31");
    }

    @Test
    void jsonIsTheDefaultWithEachServicesFiguresForTheCallersSchool() {
        as("slt").get(REPORT).then().statusCode(200).contentType("application/json")
                .body("from", equalTo("2026-09-01")).body("to", equalTo("2026-12-31"))
                .body("schools.schoolId", equalTo(List.of("demo-school")))
                .body("schools[0].incidents.incidentsReported", equalTo(4))
                .body("schools[0].incidents.takedowns.timeToRemoval.medianHours", equalTo(20.0f))
                .body("schools[0].accounts.responses.breaches", equalTo(1))
                .body("schools[0].consent.coverage[0].channels[0].consented", equalTo(27))
                .body("schools[0].incidents", not(org.hamcrest.Matchers.hasKey("from")));
        assertEquals(List.of("incident demo-school SLT 2026-09-01 2026-12-31", "account demo-school SLT 2026-09-01 2026-12-31",
                "consent demo-school SLT 2026-09-01 2026-12-31"), seen.calls);
        as("auditor").accept("application/json").get(REPORT).then().statusCode(200)
                .body("schools.schoolId", equalTo(List.of("demo-school")));
    }

    @Test
    void aTrustAuditorSeesEveryGrantedSchoolSideBySideEachAskedForAsAnAuditorOfIt() {
        as("trust-auditor").get(REPORT).then().statusCode(200)
                .body("schools.schoolId", equalTo(List.of("demo-school", "other-school")))
                .body("schools.incidents.incidentsReported", equalTo(List.of(4, 8)))
                .body("schools.accounts.accounts.live", equalTo(List.of(3, 6)));
        assertEquals(6, seen.calls.size());
        assertTrue(seen.calls.contains("consent other-school AUDITOR 2026-09-01 2026-12-31"), seen.calls.toString());
        as("trust-auditor").queryParam("school", "other-school").get(REPORT).then().statusCode(200)
                .body("schools.schoolId", equalTo(List.of("other-school")));
        String html = as("trust-auditor").accept("text/html").get(REPORT).then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertTrue(html.contains("<th>demo-school</th><th>other-school</th>"), "the schools side by side");
        assertEquals(CHARTS_FOR_ONE_SCHOOL + 1, count(html, "src=\"data:image/png;base64,"),
                "one consent coverage chart per school");
    }

    @Test
    void onlySltAndAuditorsForTheirOwnOrGrantedSchools() {
        for (String user : List.of("staff", "dsl", "admin", "parent", "mis")) {
            as(user).get(REPORT).then().statusCode(403).contentType("application/problem+json");
        }
        as("slt").queryParam("school", "other-school").get(REPORT).then().statusCode(403)
                .body("detail", containsString("other-school"));
        as("trust-auditor").queryParam("school", "third-school").get(REPORT).then().statusCode(403);
        assertEquals(List.of(), seen.calls);
        GATEWAY.request().get(REPORT).then().statusCode(401);
    }

    @Test
    void badParametersAreEachNamed() {
        GATEWAY.as("slt").queryParam("from", "2026-02-30").queryParam("to", "2026-01-01").queryParam("colour", "red")
                .queryParam("format", "xml").get(REPORT).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("colour", "from", "format")));
        GATEWAY.as("slt").queryParam("from", "2026-09-01").queryParam("to", "2026-08-31").get(REPORT).then().statusCode(400)
                .body("errors.field", equalTo(List.of("to")));
        GATEWAY.as("slt").get(REPORT).then().statusCode(400).body("errors.field", equalTo(List.of("from", "to")));
        GATEWAY.as("slt").queryParam("from", "9999-12-31").queryParam("to", "9999-12-31").get(REPORT).then().statusCode(400)
                .body("errors.field", equalTo(List.of("from", "to")));
        as("slt").queryParam("school", "bad school").get(REPORT).then().statusCode(400)
                .body("errors.field", hasItem("school"));
        assertEquals(List.of(), seen.calls);
    }

    @Test
    void aFailingServiceIsNamedAndNoReportIsMade() {
        seen.failing.add("account");
        as("slt").accept("application/pdf").get(REPORT).then().statusCode(502)
                .contentType("application/problem+json").body("detail", containsString("account"));
    }

    @Test
    void htmlHoldsEveryNumberBesideItsChartAndNoPersonalData() {
        String html = as("slt").queryParam("format", "html").get(REPORT).then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertEquals(CHARTS_FOR_ONE_SCHOOL, count(html, "src=\"data:image/png;base64,"));
        assertEquals(CHARTS_FOR_ONE_SCHOOL, count(html, "<table class=\"pair\">"));
        for (String row : List.of("<td>Incidents reported</td><td>4</td>", "<td>Open safeguarding cases (now)</td><td>2</td>",
                "<td>Assessment, median</td><td>4.0</td>", "<td>Assessment, 90th pct</td><td>10.0</td>",
                "<td>Closure, median</td><td>60.0</td>", "<td>Removal, median</td><td>20.0</td>",
                "<td>Police</td><td>2</td>", "<td>Professionals online safety helpline</td><td>1</td>",
                "<td>Bullying or harassment</td><td>3</td>", "<td>Copyright</td><td>1</td>",
                "<td>2026-11</td><td>3</td>", "<td>2026-12</td><td>1</td>",
                "<td>Requested</td><td>3</td>", "<td>Removed</td><td>1</td>", "<td>Abandoned</td><td>1</td>",
                "<td>Live</td><td>3</td>", "<td>Suspended</td><td>1</td>", "<td>Reviews overdue</td><td>1</td>",
                "<td>Handovers open</td><td>1</td>", "<td>Handovers overdue</td><td>1</td>",
                "<td>Admins out of date</td><td>2</td>", "<td>Received</td><td>12</td>",
                "<td>Answered in time</td><td>10</td>", "<td>Breaches</td><td>1</td>",
                "<td>Hours to answer, median</td><td>3.5</td>",
                "<td>Year 7</td><td>30</td><td>1</td><td>27 (90%)</td><td>20 (67%)</td>",
                "<td>Consents withdrawn</td><td>2</td>", "<td>Publications registered</td><td>14</td>",
                "<td>Publications taken down</td><td>2</td>")) {
            assertTrue(html.contains(row), "the report shows " + row);
        }
        assertTrue(html.startsWith("<!DOCTYPE html>"));
    }

    @Test
    void thePdfsFirstPageHasItsChartsDrawn() throws IOException {
        byte[] pdf = as("trust-auditor").accept("application/pdf").get(REPORT).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition",
                        containsString("governors-report-2026-09-01-to-2026-12-31.pdf")).extract().asByteArray();
        byte[] asked = as("slt").queryParam("format", "pdf").get(REPORT).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(asked, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int images = 0;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertEquals(CHARTS_FOR_ONE_SCHOOL + 1, images, "every chart is an image in the PDF, coverage per school");
            float dpi = 100;
            BufferedImage first = new PDFRenderer(document).renderImageWithDPI(0, dpi);
            Path png = Path.of("target/governors-report-page1.png");
            ImageIO.write(first, "png", png.toFile());
            List<java.awt.Rectangle> placed = ImagePlacements.of(document.getPage(0), dpi);
            assertTrue(placed.size() >= 2, "page 1 holds charts: " + placed);
            for (java.awt.Rectangle region : placed) {
                double dark = darkShare(first, region);
                assertTrue(dark > 0.02, "a chart is drawn at " + region + " (" + dark + " of it dark)");
            }
            double margin = darkShare(first, new java.awt.Rectangle(0, first.getHeight() - 30, first.getWidth(), 30));
            assertTrue(margin < 0.001, "the bottom margin is blank, so the dark share measures something");
        }
    }

    private static double darkShare(BufferedImage image, java.awt.Rectangle region) {
        java.awt.Rectangle r = region.intersection(new java.awt.Rectangle(0, 0, image.getWidth(), image.getHeight()));
        long dark = 0;
        for (int x = r.x; x < r.x + r.width; x++) {
            for (int y = r.y; y < r.y + r.height; y++) {
                int rgb = image.getRGB(x, y);
                int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
                if (grey < 128) {
                    dark++;
                }
            }
        }
        return r.isEmpty() ? 0 : (double) dark / ((long) r.width * r.height);
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    /** Where a page draws its images, in pixels of the page rendered at a resolution. */
    static final class ImagePlacements extends PDFGraphicsStreamEngine {
        private final List<java.awt.Rectangle> placed = new ArrayList<>();
        private final float scale;
        private final float height;

        private ImagePlacements(PDPage page, float dpi) {
            super(page);
            this.scale = dpi / 72f;
            this.height = page.getMediaBox().getHeight();
        }

        static List<java.awt.Rectangle> of(PDPage page, float dpi) throws IOException {
            ImagePlacements engine = new ImagePlacements(page, dpi);
            engine.processPage(page);
            return engine.placed;
        }

        @Override
        public void drawImage(PDImage image) {
            Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
            float x = ctm.getTranslateX();
            float y = ctm.getTranslateY();
            float w = ctm.getScalingFactorX();
            float h = ctm.getScalingFactorY();
            placed.add(new java.awt.Rectangle(Math.round(x * scale), Math.round((height - y - h) * scale),
                    Math.round(w * scale), Math.round(h * scale)));
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float(0, 0);
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }

        @Override
        public void strokePath() {
        }

        @Override
        public void fillPath(int windingRule) {
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }
}
