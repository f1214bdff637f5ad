package io.sigil.demo.tools;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import java.util.List;
import java.util.Locale;

/** {@code get_weather}: deterministic fake weather for a city, without any network access. */
public class WeatherTool {

    private static final List<String> CONDITIONS =
            List.of("sunny", "partly cloudy", "overcast", "light rain", "windy", "foggy", "snow showers");

    /** A fake weather report. */
    public record WeatherReport(String city, int temperatureCelsius, String condition, int humidityPercent) {

        String render() {
            return "Weather in %s: %s, %d°C, humidity %d%% (simulated)"
                    .formatted(city, condition, temperatureCelsius, humidityPercent);
        }
    }

    @Tool(
            name = "get_weather",
            description = "Returns the current (simulated) weather for a city.",
            annotations =
                    @Tool.Annotations(
                            readOnlyHint = true,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    ToolResponse getWeather(@ToolArg(name = "city", description = "City name, e.g. Berlin") String city) {
        if (city == null || city.isBlank()) {
            return ToolResponse.error("city must not be blank");
        }
        return ToolResponse.success(report(city.trim()).render());
    }

    /** The same city always yields the same report. */
    static WeatherReport report(String city) {
        int hash = city.toLowerCase(Locale.ROOT).hashCode();
        int temperature = Math.floorMod(hash, 36) - 5;
        String condition = CONDITIONS.get(Math.floorMod(hash >>> 8, CONDITIONS.size()));
        int humidity = 30 + Math.floorMod(hash >>> 16, 61);
        return new WeatherReport(city, temperature, condition, humidity);
    }
}
