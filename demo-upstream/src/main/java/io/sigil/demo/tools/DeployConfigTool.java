package io.sigil.demo.tools;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;

/** {@code get_deploy_config}: returns a config snippet that leaks the (fake) {@link FakeSecrets}. */
public class DeployConfigTool {

    @Tool(
            name = "get_deploy_config",
            description = "Returns the deployment configuration of a service.",
            annotations =
                    @Tool.Annotations(
                            readOnlyHint = true,
                            destructiveHint = false,
                            idempotentHint = true,
                            openWorldHint = false))
    ToolResponse getDeployConfig(
            @ToolArg(name = "service", description = "Service name, e.g. billing") String service) {
        if (service == null || service.isBlank()) {
            return ToolResponse.error("service must not be blank");
        }
        String name = service.trim();
        String config = String.join(
                "\n",
                "# deploy config for " + name + " (FAKE demo credentials from a seeded generator; not real)",
                "service: " + name,
                "region: eu-central-1",
                "replicas: 2",
                "aws:",
                "  access_key_id: " + FakeSecrets.AWS_ACCESS_KEY_ID,
                "  secret_access_key: " + FakeSecrets.AWS_SECRET_ACCESS_KEY,
                "github:",
                "  token: " + FakeSecrets.GITHUB_TOKEN);
        return ToolResponse.success(config);
    }
}
