package dev.foodpipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * aws/food-pipeline.yaml: plain YAML, the parameters it promises, no ingress from the world, the
 * boot script.
 */
class CloudFormationTemplateTest {
  static final String TEMPLATE = "aws/food-pipeline.yaml";

  private static final Set<String> PSEUDO_PARAMETERS =
      Set.of(
          "AWS::AccountId",
          "AWS::NoValue",
          "AWS::Partition",
          "AWS::Region",
          "AWS::StackId",
          "AWS::StackName",
          "AWS::URLSuffix",
          "AWS::NotificationARNs");
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

  private static JsonNode template;

  @BeforeAll
  static void readTemplate() throws IOException {
    template = new YAMLMapper().readTree(Repo.read(TEMPLATE));
  }

  @Test
  void usesOnlyLongFormIntrinsicFunctionsSoAnyYamlParserReadsIt() {
    List<String> tagged = new ArrayList<>();
    for (Event event :
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .parse(new StringReader(Repo.read(TEMPLATE)))) {
      String tag = null;
      if (event instanceof ScalarEvent) {
        tag = ((ScalarEvent) event).getTag();
      } else if (event instanceof CollectionStartEvent) {
        tag = ((CollectionStartEvent) event).getTag();
      }
      if (tag != null) {
        tagged.add(tag + " at line " + (event.getStartMark().getLine() + 1));
      }
    }
    assertThat(tagged).as("short-form tags such as !Ref; write Ref: / Fn::Sub: instead").isEmpty();
    assertThat(template.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
  }

  @Test
  void instanceTypeIsAParameterThatDefaultsToT2Small() {
    assertThat(template.at("/Parameters/InstanceType/Default").asText()).isEqualTo("t2.small");
    assertThat(instance().at("/Properties/InstanceType/Ref").asText()).isEqualTo("InstanceType");
  }

  @Test
  void declaresTheParametersTheDeployScriptPasses() {
    assertThat(names(template.path("Parameters")))
        .contains(
            "InstanceType",
            "AllowedCidr",
            "RepositoryUrl",
            "RepositoryRef",
            "ComposeProfiles",
            "SwapSizeMiB",
            "ImageId");
    assertThat(template.at("/Parameters/AllowedCidr/Default").asText())
        .as("by default no CIDR may reach the instance")
        .isEmpty();
    assertThat(template.at("/Parameters/SwapSizeMiB/Default").asInt()).isPositive();
  }

  @Test
  void everyRefAndGetAttNamesAParameterAResourceOrAPseudoParameter() {
    Set<String> known = new HashSet<>(names(template.path("Parameters")));
    known.addAll(names(template.path("Resources")));
    known.addAll(PSEUDO_PARAMETERS);
    List<String> unknown = new ArrayList<>();
    walk(
        template.path("Resources"),
        (key, value) -> {
          if (key.equals("Ref") && !known.contains(value.asText())) {
            unknown.add("Ref " + value.asText());
          }
          if (key.equals("Fn::GetAtt") && !known.contains(value.path(0).asText())) {
            unknown.add("Fn::GetAtt " + value.path(0).asText());
          }
        });
    walk(
        template.path("Outputs"),
        (key, value) -> {
          if (key.equals("Ref") && !known.contains(value.asText())) {
            unknown.add("Ref " + value.asText());
          }
        });
    assertThat(unknown).isEmpty();
  }

  @Test
  void opensNoIngressToTheWorldAndOnlyToTheGivenCidrWhenOneIsGiven() {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode resource : template.path("Resources")) {
      String type = resource.path("Type").asText();
      if (type.equals("AWS::EC2::SecurityGroupIngress")) {
        rules.add(resource.path("Properties"));
      }
      if (type.equals("AWS::EC2::SecurityGroup")) {
        JsonNode ingress = resource.at("/Properties/SecurityGroupIngress");
        if (ingress.isMissingNode()) {
          continue;
        }
        JsonNode condition = ingress.path("Fn::If");
        assertThat(condition.isArray())
            .as(
                "SecurityGroupIngress must be an Fn::If on the AllowedCidr condition, empty otherwise")
            .isTrue();
        assertThat(condition.path(0).asText()).isEqualTo("HasAllowedCidr");
        assertThat(condition.path(2).path("Ref").asText()).isEqualTo("AWS::NoValue");
        condition.path(1).forEach(rules::add);
      }
    }
    assertThat(rules).as("the web ports for the given CIDR").isNotEmpty();
    for (JsonNode rule : rules) {
      assertThat(rule.path("CidrIp").path("Ref").asText())
          .as("CidrIp of %s", rule)
          .isEqualTo("AllowedCidr");
      assertThat(rule.has("CidrIpv6")).as("IPv6 ingress in %s", rule).isFalse();
      assertThat(rule.path("FromPort").asInt())
          .as("no SSH: access is through SSM")
          .isNotEqualTo(22);
    }
    List<String> worldCidrs = new ArrayList<>();
    walk(
        template.path("Resources"),
        (key, value) -> {
          if (value.isTextual()
              && (value.asText().equals("0.0.0.0/0") || value.asText().equals("::/0"))) {
            worldCidrs.add(key + ": " + value.asText());
          }
        });
    assertThat(worldCidrs).isEmpty();
  }

  @Test
  void allowedCidrIsAtMostA24() {
    Pattern allowed =
        Pattern.compile(template.at("/Parameters/AllowedCidr/AllowedPattern").asText());
    assertThat(List.of("", "203.0.113.7/32", "198.51.100.0/24", "192.0.2.128/25"))
        .allMatch(cidr -> allowed.matcher(cidr).matches());
    assertThat(
            List.of(
                "0.0.0.0/0",
                "0.0.0.0/1",
                "10.0.0.0/8",
                "203.0.113.0/23",
                "203.0.113.7",
                "999.0.113.7/32",
                "::/0",
                "203.0.113.7/32 "))
        .noneMatch(cidr -> allowed.matcher(cidr).matches());
  }

  @Test
  void repositoryUrlCarriesNoCredentialsAndATokenComesFromParameterStore() {
    Pattern url = Pattern.compile(template.at("/Parameters/RepositoryUrl/AllowedPattern").asText());
    assertThat(url.matcher("https://github.com/acme/food-pipeline.git").matches()).isTrue();
    assertThat(url.matcher("https://git.example.com:8443/acme/food-pipeline").matches()).isTrue();
    assertThat(
            List.of(
                "https://ghp_token@github.com/acme/food-pipeline.git",
                "https://user:secret@github.com/acme/food-pipeline.git",
                "http://github.com/acme/food-pipeline.git"))
        .noneMatch(candidate -> url.matcher(candidate).matches());

    String script = userDataScript();
    assertThat(script)
        .as("the token reaches git only through the environment of the clone")
        .contains("--with-decryption", "GIT_CONFIG_KEY_0=http.extraHeader", "GIT_CONFIG_VALUE_0=");
    assertThat(script).as("no xtrace: it would log the token").doesNotContain("set -x", "-euxo");
    assertThat(template.at("/Resources/InstanceRole/Properties/Policies/Fn::If/0").asText())
        .as("the role may read the token parameter only when one is given")
        .isEqualTo("HasRepositoryToken");
  }

  @Test
  void holdsNoPasswordOfItsOwn() {
    List<String> passwords = new ArrayList<>();
    names(template.path("Parameters")).stream()
        .filter(name -> name.toLowerCase(Locale.ROOT).contains("password"))
        .forEach(passwords::add);
    walk(
        template,
        (key, value) -> {
          if (key.toLowerCase(Locale.ROOT).contains("password")) {
            passwords.add(key);
          }
        });
    assertThat(passwords)
        .as(
            "passwords are generated on the instance (compose service secrets), not in the template")
        .isEmpty();
  }

  @Test
  void attachesAnInstanceProfileWhoseRoleAllowsSessionManager() {
    String profile = instance().at("/Properties/IamInstanceProfile/Ref").asText();
    JsonNode instanceProfile = template.path("Resources").path(profile);
    assertThat(instanceProfile.path("Type").asText()).isEqualTo("AWS::IAM::InstanceProfile");
    String role = instanceProfile.at("/Properties/Roles/0/Ref").asText();
    JsonNode roleResource = template.path("Resources").path(role);
    assertThat(roleResource.path("Type").asText()).isEqualTo("AWS::IAM::Role");
    assertThat(roleResource.at("/Properties/ManagedPolicyArns").toString())
        .contains("AmazonSSMManagedInstanceCore");
    assertThat(roleResource.at("/Properties/AssumeRolePolicyDocument").toString())
        .contains("ec2.amazonaws.com");
  }

  @Test
  void requiresImdsV2AndAnEncryptedRootVolume() {
    String launchTemplate =
        instance().at("/Properties/LaunchTemplate/LaunchTemplateId/Ref").asText();
    assertThat(
            template
                .path("Resources")
                .path(launchTemplate)
                .at("/Properties/LaunchTemplateData/MetadataOptions/HttpTokens")
                .asText())
        .isEqualTo("required");
    assertThat(instance().at("/Properties/BlockDeviceMappings/0/Ebs/Encrypted").asBoolean())
        .isTrue();
  }

  @Test
  void userDataMakesSwapInstallsDockerAndComposeAndRunsTheStackAsAServiceThatSurvivesReboots() {
    String script = userDataScript();
    assertThat(script).startsWith("#!/bin/bash");
    assertThat(script).contains("set -euo pipefail");
    assertThat(script).as("swap file").contains("mkswap /swapfile", "swapon", "/etc/fstab");
    assertThat(script)
        .as("Docker, compose plugin, buildx")
        .contains("docker.io", "docker-compose-v2", "docker-buildx");
    assertThat(script)
        .as("repository")
        .contains("git clone", "${RepositoryUrl}", "${RepositoryRef}");
    assertThat(script)
        .as("systemd unit")
        .contains(
            "/etc/systemd/system/food-pipeline.service",
            "[Unit]",
            "Requires=docker.service",
            "ExecStart=/usr/bin/docker compose up -d --build",
            "WantedBy=multi-user.target",
            "systemctl enable food-pipeline.service");
    assertThat(script)
        .as("only the web ports leave the loopback, and only when a CIDR is given")
        .contains("FOOD_WEB_BIND_ADDRESS=${WebBindAddress}")
        .doesNotContain("FOOD_BIND_ADDRESS=");
    assertThat(instance().at("/Properties/UserData/Fn::Base64/Fn::Sub/1/WebBindAddress/Fn::If"))
        .hasToString("[\"HasAllowedCidr\",\"0.0.0.0\",\"127.0.0.1\"]");
  }

  @Test
  void userDataSubstitutesOnlyKnownNames() {
    JsonNode sub = instance().at("/Properties/UserData/Fn::Base64/Fn::Sub");
    Set<String> known = new HashSet<>(names(template.path("Parameters")));
    known.addAll(names(template.path("Resources")));
    known.addAll(PSEUDO_PARAMETERS);
    known.addAll(names(sub.path(1)));
    List<String> unknown = new ArrayList<>();
    Matcher matcher = SUB_VARIABLE.matcher(sub.path(0).asText());
    while (matcher.find()) {
      if (!known.contains(matcher.group(1))) {
        unknown.add(matcher.group(1));
      }
    }
    assertThat(unknown)
        .as("${...} in UserData that CloudFormation cannot substitute (shell variables: $NAME)")
        .isEmpty();
  }

  @Test
  void outputsTellHowToReachTheInstanceThroughSessionManager() {
    assertThat(names(template.path("Outputs")))
        .contains("InstanceId", "ShellCommand", "TunnelCommand");
    assertThat(template.at("/Outputs/TunnelCommand/Value/Fn::Sub").asText())
        .contains("aws ssm start-session", "AWS-StartPortForwardingSession");
  }

  private static JsonNode instance() {
    List<JsonNode> instances = new ArrayList<>();
    template
        .path("Resources")
        .forEach(
            resource -> {
              if (resource.path("Type").asText().equals("AWS::EC2::Instance")) {
                instances.add(resource);
              }
            });
    assertThat(instances).as("one EC2 instance").hasSize(1);
    return instances.get(0);
  }

  private static String userDataScript() {
    JsonNode sub = instance().at("/Properties/UserData/Fn::Base64/Fn::Sub");
    return sub.isArray() ? sub.path(0).asText() : sub.asText();
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private interface Visitor {
    void visit(String key, JsonNode value);
  }

  private static void walk(JsonNode node, Visitor visitor) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        visitor.visit(field.getKey(), field.getValue());
        walk(field.getValue(), visitor);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        visitor.visit("", element);
        walk(element, visitor);
      }
    }
  }
}
