/*
 * Given names common in English-language news, by the gender they are usually given to,
 * so that "he" and "she" find a person of the right gender ("He" never resolves to
 * Sarah). Names given to both (Alex, Jordan, Taylor, Jamie…) are in neither list. Written
 * for this project from common knowledge of naming; lower case.
 */
export const MALE_FIRST_NAMES: readonly string[] = (
  'aaron abdul abe abraham adam adrian ahmed alan albert alec alejandro alexander alexei ' +
  'alfred ali alvin andre andrei andres andrew andy angus anthony antonio antony arjun ' +
  'arnold arthur arturo austin barack barney barry beau ben benedict benjamin benny ' +
  'bernard bernardo bernie bill billy blake bob bobby boris boyd brad bradley brandon ' +
  'brendan brent brett brian brock bruce bryan bryce caleb calvin cameron carl carlos ' +
  'carter cedric chad charles charlie chester chris christian christopher chuck clarence ' +
  'clark clint cody colin connor cory craig curtis dale damian damon dan daniel danny ' +
  'dante darius darren darryl dave david dean dennis derek derrick desmond devin dick ' +
  'dmitry dominic don donald donovan doug douglas drew duncan dustin dwight dylan earl ' +
  'eddie edgar eduardo edward edwin elias elijah elliot elon emilio emmanuel enrique eric ' +
  'erik ernest ernesto ethan eugene evan everett felix fernando floyd forrest francis ' +
  'francisco franco frank franklin fred frederick garrett gary gavin gene geoffrey george ' +
  'gerald gilbert glenn gordon graham grant greg gregory gustavo hank harold harry harvey ' +
  'hassan heath hector henry herbert herman howard hugh hugo hunter ian ibrahim igor ' +
  'irving isaac isaiah ivan jack jacob jaime jake jamal james jared jarrod jason javier ' +
  'jay jeb jeff jeffrey jeremiah jeremy jerome jerry jesse jim jimmie jimmy joaquin joe ' +
  'joel joey john johnny jon jonah jonathan jorge jose joseph josh joshua juan julian ' +
  'julius justin kamal kareem karl keegan keith ken kenneth kent kevin khalid kirk kurt ' +
  'kyle lance landon larry lawrence leo leon leonard leroy levi lewis liam lionel lloyd ' +
  'lorenzo louis lucas luis luke luther malcolm marco marcus mario mark marshall martin ' +
  'marvin mason mateo matt matthew maurice max melvin micah michael miguel mike mikhail ' +
  'miles milton mitch mitchell mitt mohamed mohammad mohammed muhammad narendra nate ' +
  'nathan neal neil nelson nicholas nick nigel noah nolan norman norris oliver omar ' +
  'orlando oscar otis owen pablo patrick paul pedro percy perry pete peter phil philip ' +
  'pierre preston quentin rafael rahul rajesh ralph ramon randall randy raul ray raymond ' +
  'reggie rex reza rhys ricardo richard rick rob robert roberto roderick rodney rodrigo ' +
  'roger roland rolf roman ron ronald ronnie rory ross roy ruben rudy rufus russell ryan ' +
  'salman sam samuel sanjay saul scott sean sebastian sergei sergey sergio seth shane ' +
  'shaun shawn sheldon sidney simon solomon spencer stanley stefan stephen sterling steve ' +
  'steven stuart tariq ted terrence terry theo theodore thierry thomas tim timothy tobias ' +
  'todd tom tommy tony travis trent trevor tristan troy tyler tyrone ulrich vernon victor ' +
  'viktor vincent vladimir volodymyr wade wallace walter warren wayne wesley wilbur will ' +
  'william willie wolfgang xavier yuri yusuf zach zachary zane'
).split(' ');

export const FEMALE_FIRST_NAMES: readonly string[] = (
  'abby abigail ada adrienne agnes aileen aisha alana alexandra alexandria alexis alice ' +
  'alicia alison alma amanda amber amelia amira amy ana anastasia andrea angela angelina ' +
  'angie anita ann anna anne annette annie april arlene aubrey audrey ava barb barbara ' +
  'beatrice becky bella bernadette beth bethany betsy betty beverly bonnie brenda brianna ' +
  'bridget brittany brooke bryony caitlin camila candace carla carly carmen carol caroline ' +
  'carolyn carrie cassandra catherine cathy cecilia celeste charlotte chelsea cheryl chloe ' +
  'christina christine cindy claire clara claudia colleen connie courtney crystal cynthia ' +
  'daisy dana danielle daphne darlene dawn deanna debbie deborah delia della denise diana ' +
  'diane dina dolores donna dora doris dorothy edith eileen elaine eleanor elena elise ' +
  'eliza elizabeth ella ellen eloise elsa emilia emily emma erica erika erin estelle ' +
  'esther ethel eunice eva evelyn faith felicity fiona florence frances francesca freya ' +
  'gabriela gail gemma genevieve georgia geraldine gillian gina gloria grace gretchen gwen ' +
  'hailey hannah harriet hazel heather heidi helen hilary hillary holly ida ilhan imogen ' +
  'ingrid irene isabel isabella isla ivy jacinda jackie jacqueline jade jane janelle janet ' +
  'janice janine jasmine jean jeanne jenna jennifer jenny jessica jill joan joanna joanne ' +
  'jocelyn jodie josephine josie joy joyce juanita judith judy julia julianne julie june ' +
  'justine kamala kara karen karina kate katherine kathleen kathryn kathy katie katrina ' +
  'kay kayla kelly keri kimberly kirsten kristen kristi kristin kylie lana latoya laura ' +
  'lauren laurie leah leila lena lillian lily linda lisa liz lois lori lorna lorraine ' +
  'louise lucia lucille lucy luisa lydia lynn lynne mabel mackenzie madeleine madison mae ' +
  'maggie marcia margaret margo maria marianne marie marilyn marina marisa marissa ' +
  'marjorie marlene martha mary matilda maureen maxine maya megan melania melanie melissa ' +
  'meredith mia michelle mildred miranda miriam molly mona monica myra nadia nancy naomi ' +
  'natalie natasha nell nellie nicola nicole nikki nina noelle nora norma odette olga ' +
  'olivia opal paige pamela patricia patsy paula pauline pearl penelope penny petra phoebe ' +
  'phyllis polly priya rachael rachel ramona raquel rebecca rebekah regina renee rhonda ' +
  'rita roberta rosa rosalind rose rosemary roxanne ruby ruth sabrina sadie sally samantha ' +
  'sandra sara sarah selena serena sharon shauna sheila shirley sienna simone sofia sonia ' +
  'sonya sophia sophie stacey stella stephanie summer susan susanna suzanne suzy sybil ' +
  'sylvia tabitha tamara tammy tanya tara teresa tessa thelma theresa tiffany tina tracey ' +
  'tracy trisha tulsi ursula valentina valerie vanessa vera verity veronica vicky victoria ' +
  'viola virginia vivian wanda wendy whitney wilma yolanda yvette yvonne zara zoe'
).split(' ');
