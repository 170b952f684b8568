package uk.schoolsocial.gateway.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The governors' report's charts, drawn on the server with JFreeChart in a headless JVM: bar
 * charts in black, white and hatching only, so they read when printed in black and white, each bar
 * labelled with its value (the report also lists every number in a table beside the chart).
 */
final class ReportCharts {

    static final int WIDTH = 640;
    static final int HEIGHT = 340;
    /** Drawn at twice the size shown, so the PDF stays sharp when printed. */
    private static final int SCALE = 2;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static {
        // No display is needed (or wanted) to draw a chart on a server.
        System.setProperty("java.awt.headless", "true");
    }

    private ReportCharts() {
    }

    /**
     * A bar chart as a PNG data URI: one bar per row of {@code data} (a school) in each column (what is
     * counted), each row with its own fill: black, white, then hatchings.
     */
    static String bars(String title, String valueLabel, DefaultCategoryDataset data, boolean integers) {
        JFreeChart chart = new JFreeChart(null, FONT, plot(valueLabel, data, integers), data.getRowCount() > 1);
        chart.setTitle(new TextTitle(title, FONT.deriveFont(Font.BOLD, 13f)));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(FONT);
            legend.setBackgroundPaint(Color.WHITE);
        }
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(SCALE, SCALE);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        g.dispose();
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeBufferedImageAsPNG(png, image);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode a chart as PNG", e);
        }
    }

    private static CategoryPlot plot(String valueLabel, DefaultCategoryDataset data, boolean integers) {
        CategoryAxis categories = new CategoryAxis(null);
        categories.setTickLabelFont(FONT);
        categories.setMaximumCategoryLabelLines(3);
        if (data.getColumnCount() > 6) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis values = new NumberAxis(valueLabel);
        values.setLabelFont(FONT);
        values.setTickLabelFont(FONT);
        if (integers) {
            values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        values.setUpperMargin(0.15);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(FONT);
        renderer.setDefaultItemLabelPaint(Color.BLACK);
        for (int row = 0; row < data.getRowCount(); row++) {
            renderer.setSeriesPaint(row, fill(row));
            renderer.setSeriesOutlinePaint(row, Color.BLACK);
            renderer.setSeriesOutlineStroke(row, new BasicStroke(1f));
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.BLACK);
        plot.setRangeGridlinePaint(Color.GRAY);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {2f, 2f}, 0f));
        return plot;
    }

    /** The fill of the {@code n}th series: black, white, diagonal, cross-hatched, dotted, horizontal. */
    static Paint fill(int n) {
        return switch (n % 6) {
            case 0 -> Color.BLACK;
            case 1 -> Color.WHITE;
            case 2 -> hatch((g, s) -> g.drawLine(0, s, s, 0));
            case 3 -> hatch((g, s) -> {
                g.drawLine(0, s, s, 0);
                g.drawLine(0, 0, s, s);
            });
            case 4 -> hatch((g, s) -> g.fillRect(s / 2 - 1, s / 2 - 1, 2, 2));
            default -> hatch((g, s) -> g.drawLine(0, s / 2, s, s / 2));
        };
    }

    private interface Pattern {
        void draw(Graphics2D g, int size);
    }

    private static Paint hatch(Pattern pattern) {
        int size = 8;
        BufferedImage tile = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setColor(Color.BLACK);
        pattern.draw(g, size - 1);
        g.dispose();
        return new TexturePaint(tile, new Rectangle(0, 0, size, size));
    }
}
